namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>
/// Reads `tcpdump -X` / `-XX` output back into packets: a summary line, then hex lines
/// "\t0xOOOO:  hhhh hhhh ... (8 groups)  ascii".
/// </summary>
internal sealed record TcpdumpPacket(string Summary, IReadOnlyList<string> HexLines, byte[] Bytes)
{
    // After the colon: one space, then eight " hhhh" groups, padded with spaces on a short last line.
    private const int HexColumns = 1 + (8 * 5);

    public static IReadOnlyList<TcpdumpPacket> Parse(IReadOnlyList<string> lines)
    {
        var packets = new List<TcpdumpPacket>();
        string? summary = null;
        var hexLines = new List<string>();
        var bytes = new List<byte>();
        foreach (var line in lines)
        {
            if (line.StartsWith("\t0x", StringComparison.Ordinal))
            {
                Assert.True(summary is not null, $"hex line before any packet line: {line}");
                hexLines.Add(line);
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var hexEnd = Math.Min(line.Length, colon + 1 + HexColumns);
                bytes.AddRange(Convert.FromHexString(line[(colon + 1)..hexEnd].Replace(" ", string.Empty, StringComparison.Ordinal)));
            }
            else if (!char.IsWhiteSpace(line[0]))
            {
                Flush();
                summary = line;
            }
        }

        Flush();
        return packets;

        void Flush()
        {
            if (summary is not null)
            {
                packets.Add(new TcpdumpPacket(summary, [.. hexLines], [.. bytes]));
            }

            hexLines.Clear();
            bytes.Clear();
        }
    }

    /// <summary>The dump line whose offset label is <paramref name="offset"/> (e.g. 0x0040).</summary>
    public string HexLineAt(int offset) =>
        HexLines.SingleOrDefault(line => line.StartsWith($"\t0x{offset:x4}:", StringComparison.Ordinal))
        ?? throw new InvalidDataException($"no hex line for offset 0x{offset:x4} under: {Summary}");
}
