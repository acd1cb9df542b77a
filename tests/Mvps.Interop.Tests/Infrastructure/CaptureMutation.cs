using System.Buffers.Binary;

namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>Writes damaged copies of a capture (negative controls), walking the classic pcap records.</summary>
internal static class CaptureMutation
{
    /// <summary>Copies <paramref name="source"/> with <paramref name="mask"/> XORed into one byte of one frame.</summary>
    public static string FlipBits(string source, int frameIndex, int frameOffset, byte mask)
    {
        var bytes = File.ReadAllBytes(source);
        var recordOffset = EvidenceFiles.PcapGlobalHeaderLength;
        for (var index = 0; index < frameIndex; index++)
        {
            recordOffset += EvidenceFiles.PcapRecordHeaderLength + (int)IncludedLength(bytes, recordOffset);
        }

        Assert.True(frameOffset < IncludedLength(bytes, recordOffset), $"{source}: frame {frameIndex} is shorter than offset {frameOffset}");
        bytes[recordOffset + EvidenceFiles.PcapRecordHeaderLength + frameOffset] ^= mask;

        var target = Path.Combine(TempFolder.ForProcess("mutated"), Path.GetFileName(source));
        File.WriteAllBytes(target, bytes);
        return target;
    }

    // Record header: ts_sec, ts_usec, incl_len, orig_len, little-endian (magic 0xa1b2c3d4 written LE).
    private static uint IncludedLength(byte[] capture, int recordOffset) =>
        BinaryPrimitives.ReadUInt32LittleEndian(capture.AsSpan(recordOffset + 8, 4));
}
