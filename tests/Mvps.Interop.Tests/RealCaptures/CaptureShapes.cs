using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.RealCaptures;

/// <summary>
/// The shapes real capture tools write, built with Wireshark's own tools from the evidence frames: text2pcap
/// (hex dumps under a link type, UDP/IPv4 and UDP/IPv6 wrapping of a payload), editcap (retiming, pcapng,
/// nanoseconds, snap length) and mergecap (interleaving with other traffic, several interfaces in one pcapng).
/// Only the bytes of the hex dumps are composed here (VLAN tags and cooked headers in front of the evidence
/// frames' IP packets); every capture file is written by a Wireshark tool.
/// </summary>
internal sealed class CaptureShapes
{
    /// <summary>The date line text2pcap -t reads; it takes whole seconds, editcap then spaces the records out.</summary>
    private const string TimeFormat = "%Y-%m-%dT%H:%M:%S.";

    private static readonly byte[] MacOfSource = [0x02, 0x4d, 0x56, 0x50, 0x53, 0x0a];

    public CaptureShapes() => Folder = TempFolder.ForProcess("shapes");

    public string Folder { get; }

    public static IReadOnlyList<byte[]> EvidenceFrames(string capture)
    {
        var file = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "evidence", capture));
        var frames = new List<byte[]>();
        for (var at = EvidenceFiles.PcapGlobalHeaderLength; at < file.Length; at += EvidenceFiles.PcapRecordHeaderLength + EvidenceFiles.FrameLength)
        {
            frames.Add(file.AsSpan(at + EvidenceFiles.PcapRecordHeaderLength, EvidenceFiles.FrameLength).ToArray());
        }

        return frames;
    }

    /// <summary>The records of a classic little-endian pcap, as text2pcap and editcap write it here.</summary>
    public static IReadOnlyList<byte[]> Records(string pcap)
    {
        var file = File.ReadAllBytes(pcap);
        var records = new List<byte[]>();
        for (var at = EvidenceFiles.PcapGlobalHeaderLength; at < file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(at + 8));
            records.Add(file.AsSpan(at + EvidenceFiles.PcapRecordHeaderLength, length).ToArray());
            at += EvidenceFiles.PcapRecordHeaderLength + length;
        }

        return records;
    }

    public string Evidence(string capture) => Path.Combine(RepositoryRoot.Path, "evidence", capture);

    /// <summary>Evidence frames, each rewritten by <paramref name="rewrite"/>, as a hex dump read by text2pcap under <paramref name="linkType"/>.</summary>
    public string FromFrames(string name, string capture, uint linkType, Func<byte[], byte[]> rewrite, string start = "2026-05-25T00:01:40.") =>
        FromPackets(name, EvidenceFrames(capture).Select(rewrite).ToList(), linkType, start);

    /// <summary>Records that start at the link layer of <paramref name="linkType"/>, as a hex dump read by text2pcap.</summary>
    public string FromPackets(string name, IReadOnlyList<byte[]> packets, uint linkType, string start = "2026-05-25T00:01:40.")
    {
        var text = Write(name + ".txt", HexDump(packets, start));
        var raw = Path.Combine(Folder, name + ".raw.pcap");
        Run("text2pcap", "-q", "-F", "pcap", "-l", linkType.ToString(CultureInfo.InvariantCulture), "-t", TimeFormat, text, raw);
        return Spaced(raw, name + ".pcap", 0.0);
    }

    /// <summary>UDP payloads wrapped by text2pcap into Ethernet/IPv4 or Ethernet/IPv6 and UDP (it computes the checksums).</summary>
    public string Wrapped(string name, IReadOnlyList<byte[]> payloads, string ipOption, string addresses, string ports, double offsetSeconds, string start = "2026-05-25T00:01:40.")
    {
        var text = Write(name + ".txt", HexDump(payloads, start));
        var raw = Path.Combine(Folder, name + ".raw.pcap");
        Run("text2pcap", "-q", "-F", "pcap", ipOption, addresses, "-u", ports, "-t", TimeFormat, text, raw);
        return Spaced(raw, name + ".pcap", offsetSeconds);
    }

    /// <summary>One ARP request from the evidence's source host, one second before the first frame.</summary>
    public string Arp(string name, int count = 1)
    {
        byte[] arp =
        [
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, .. MacOfSource, 0x08, 0x06,
            0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01, .. MacOfSource, 203, 0, 113, 10,
            0, 0, 0, 0, 0, 0, 203, 0, 113, 20,
        ];
        var text = Write(name + ".txt", HexDump(Enumerable.Repeat(arp, count).ToList(), "2026-05-25T00:01:39."));
        var raw = Path.Combine(Folder, name + ".raw.pcap");
        Run("text2pcap", "-q", "-F", "pcap", "-t", TimeFormat, text, raw);
        return Spaced(raw, name + ".pcap", 0.0);
    }

    /// <summary>The peer's side: plain 24-byte BFD Control packets (discriminators swapped), 50 ms after each MVPS frame.</summary>
    public string PeerBfd(string name, string capture)
    {
        var payloads = EvidenceFrames(capture).Select(f =>
        {
            var bfd = f.AsSpan(EvidenceFiles.UdpPayloadOffset, 24).ToArray();
            f.AsSpan(EvidenceFiles.UdpPayloadOffset + 8, 4).CopyTo(bfd.AsSpan(4));
            f.AsSpan(EvidenceFiles.UdpPayloadOffset + 4, 4).CopyTo(bfd.AsSpan(8));
            return bfd;
        }).ToList();
        return Wrapped(name, payloads, "-4", "203.0.113.20,203.0.113.10", "49153,3784", 0.05);
    }

    public string Merge(string name, string format, params string[] inputs)
    {
        var output = Path.Combine(Folder, name);
        Run("mergecap", ["-F", format, "-w", output, .. inputs]);
        return output;
    }

    /// <summary>editcap OPTIONS INPUT OUTPUT [RANGES]; without -F, editcap writes pcapng.</summary>
    public string Editcap(string name, string[] options, string input, params string[] ranges)
    {
        var output = Path.Combine(Folder, name);
        Run("editcap", [.. options, input, output, .. ranges]);
        return output;
    }

    /// <summary>A copy with one bit of the first MVPS frame's tag flipped (the tag is 24 bytes after "COHE").</summary>
    public string WithFirstTagBitFlipped(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var magic = bytes.AsSpan().IndexOf("COHE"u8);
        Assert.True(magic > 0, $"no COHE in {path}");
        bytes[magic + 24 + 5] ^= 0x10;
        var copy = Path.Combine(Folder, "flipped-" + Path.GetFileName(path));
        File.WriteAllBytes(copy, bytes);
        return copy;
    }

    /// <summary>Ethernet frame → its IP packet, behind <paramref name="header"/> (VLAN-tagged Ethernet, SLL, SLL2, nothing).</summary>
    public static byte[] Behind(byte[] frame, byte[] header) => [.. header, .. frame.AsSpan(14)];

    public static byte[] WithVlanTags(byte[] frame, params ushort[] tags)
    {
        var tagged = new List<byte>(frame[..12]);
        for (var i = 0; i < tags.Length; i++)
        {
            var tpid = i == 0 && tags.Length == 2 ? (ushort)0x88a8 : (ushort)0x8100;
            tagged.AddRange([(byte)(tpid >> 8), (byte)tpid, (byte)(tags[i] >> 8), (byte)tags[i]]);
        }

        tagged.AddRange(frame[12..]);
        return [.. tagged];
    }

    /// <summary>LINKTYPE_LINUX_SLL header: outgoing (4), ARPHRD_ETHER, 6-byte address, protocol IPv4.</summary>
    public static byte[] SllHeader => [0x00, 0x04, 0x00, 0x01, 0x00, 0x06, .. MacOfSource, 0x00, 0x00, 0x08, 0x00];

    /// <summary>LINKTYPE_LINUX_SLL2 header: protocol IPv4, interface index 2, ARPHRD_ETHER, outgoing, 6-byte address.</summary>
    public static byte[] Sll2Header => [0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x04, 0x06, .. MacOfSource, 0x00, 0x00];

    private string Spaced(string raw, string name, double offsetSeconds)
    {
        // text2pcap gives every record of a dump the same second; 100 ms apart, as the evidence frames are.
        var shifted = Editcap(name + ".shifted", ["-F", "pcap", "-t", offsetSeconds.ToString("0.###", CultureInfo.InvariantCulture)], raw);
        return Editcap(name, ["-F", "pcap", "-S", "-0.1"], shifted);
    }

    private static string HexDump(IReadOnlyList<byte[]> packets, string dateLine)
    {
        var text = new StringBuilder();
        foreach (var packet in packets)
        {
            text.Append(dateLine).Append('\n');
            for (var offset = 0; offset < packet.Length; offset += 16)
            {
                text.Append(offset.ToString("x6", CultureInfo.InvariantCulture));
                foreach (var b in packet.AsSpan(offset, Math.Min(16, packet.Length - offset)))
                {
                    text.Append(' ').Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }

                text.Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static void Run(string program, params string[] arguments) => ExternalProgram.Run(program, arguments).AssertSuccess();
}
