using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Hostile;

/// <summary>
/// Whatever the bytes, the capture reader either streams records or throws <see cref="CaptureFormatException"/>:
/// never another exception, never a hang. Random bytes alone rarely pass the magic, so most cases start from
/// real capture headers (pcap in both byte orders and resolutions, pcapng) and damage them.
/// </summary>
public sealed class CaptureReaderPropertyTests
{
    private static readonly byte[][] Seeds = BuildSeeds();

    [Property(MaxTest = 1000)]
    public bool Arbitrary_bytes_give_records_or_a_CaptureFormatException(byte[] bytes) => ReadsCleanly(bytes);

    [Property(MaxTest = 4000)]
    public bool Damaged_real_captures_give_records_or_a_CaptureFormatException(byte seedChoice, byte[] edits, ushort cut, byte[] tail)
    {
        var bytes = (byte[])Seeds[seedChoice % Seeds.Length].Clone();
        for (var i = 0; i + 2 < edits.Length && i < 24; i += 3)
        {
            // Edits are biased towards headers and length fields: the first 64 bytes and the first record header.
            var position = (edits[i] | (edits[i + 1] << 8)) % bytes.Length;
            bytes[position] = edits[i + 2];
        }

        var cutTo = cut % (bytes.Length + 1);
        return ReadsCleanly([.. bytes.AsSpan(0, cutTo), .. tail]);
    }

    internal static bool ReadsCleanly(byte[] bytes)
    {
        var problems = new List<FrameProblem>();
        try
        {
            using var reader = CaptureReader.Open(new MemoryStream(bytes, writable: false), "property-input");
            long records = 0;
            while (reader.TryReadNext(out var record))
            {
                problems.Clear();
                FrameDecoder.TryDecode(record.Data, null, problems, out _);

                // Every record consumes at least its header, so this bounds the loop: no hang.
                if (++records > bytes.Length)
                {
                    return false;
                }
            }
        }
        catch (CaptureFormatException e)
        {
            return e.Message.Length > 0 && !e.Message.Contains('\n');
        }

        return true;
    }

    private static byte[][] BuildSeeds()
    {
        var frame = TestFramesForHostile.Valid();
        var seeds = new List<byte[]>();
        foreach (var bigEndian in new[] { false, true })
        {
            foreach (var nanoseconds in new[] { false, true })
            {
                seeds.Add(new Mvps.Codec.Tests.Capture.ClassicPcapBuilder(bigEndian, nanoseconds)
                    .Record(1, 2, frame).Record(3, 4, frame).ToArray());
            }

            seeds.Add(new Mvps.Codec.Tests.Capture.PcapngBuilder(bigEndian)
                .SectionHeader().InterfaceDescription(tsresol: 9).EnhancedPacket(0, 12345, frame)
                .SimplePacket((uint)frame.Length, frame).ObsoletePacket(0, 7, frame).ToArray());
        }

        return [.. seeds];
    }
}
