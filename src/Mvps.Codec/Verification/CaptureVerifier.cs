using System.Globalization;
using System.Security.Cryptography;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Verification;

/// <summary>
/// Checks every frame of a capture: layout, checksums, tag and tick order, and, given the receipt's
/// expectations, the file's size and hash and each frame's hash. Streams the file; per frame it
/// allocates nothing unless it finds a problem.
/// </summary>
public static class CaptureVerifier
{
    /// <summary>
    /// Throws <see cref="CaptureFormatException"/> when the file is not a usable capture (not pcap,
    /// truncated record, non-Ethernet link type); frame-level problems go into the verdict.
    /// </summary>
    public static CaptureVerdict Verify(string path, string displayName, FrameAuthenticator authenticator, ReceiptExpectations? expected, IProgress<long>? progress = null)
    {
        var verdict = new CaptureVerdict(displayName);
        var problems = new List<FrameProblem>();
        Span<byte> frameHash = stackalloc byte[SHA256.HashSizeInBytes];
        using CaptureReader reader = CaptureReader.Open(path);
        uint? previousTick = null;

        while (reader.TryReadNext(out CaptureRecord record))
        {
            if (record.LinkType != CaptureLayout.PcapFileHeader.LinkTypeEthernet)
            {
                throw new CaptureFormatException(displayName, record.Index, record.FileOffset,
                    string.Create(CultureInfo.InvariantCulture, $"link type {record.LinkType} is not Ethernet (1): not an MVPS capture"));
            }

            problems.Clear();
            if (FrameDecoder.TryDecode(record.Data, authenticator, problems, out CoherenceFrame fields))
            {
                if (previousTick is uint previous && fields.Tick <= previous)
                {
                    problems.Add(new FrameProblem(FrameProblemKind.TickOrder, FieldLocations.Tick,
                        string.Create(CultureInfo.InvariantCulture, $"tick {fields.Tick} does not follow tick {previous}: ticks must increase")));
                }

                previousTick = fields.Tick;
            }

            if (expected?.FrameSha256 is { } hashes)
            {
                SHA256.HashData(record.Data, frameHash);
                if (record.Index >= hashes.Count)
                {
                    problems.Add(new FrameProblem(FrameProblemKind.ReceiptMismatch, 0, "frame not listed in the receipt"));
                }
                else if (!Convert.ToHexStringLower(frameHash).Equals(hashes[(int)record.Index], StringComparison.Ordinal))
                {
                    problems.Add(new FrameProblem(FrameProblemKind.ReceiptMismatch, 0,
                        $"frame SHA-256 {Convert.ToHexStringLower(frameHash)} differs from the receipt's {hashes[(int)record.Index]}"));
                }
            }

            foreach (FrameProblem problem in problems)
            {
                verdict.Add(FrameIssue.From(record.Index, record.FileOffset, problem));
            }

            verdict.FramesWithProblems += problems.Count > 0 ? 1 : 0;
            verdict.Frames++;
            if ((verdict.Frames & 0xFFFF) == 0)
            {
                progress?.Report(record.FileOffset);
            }
        }

        if (expected is not null)
        {
            CheckFile(path, expected, verdict);
        }

        return verdict;
    }

    private static void CheckFile(string path, ReceiptExpectations expected, CaptureVerdict verdict)
    {
        verdict.ReceiptChecked = true;
        long bytes = new FileInfo(path).Length;
        if (verdict.Frames != expected.Packets)
        {
            verdict.Add(FrameIssue.ForFile( string.Create(CultureInfo.InvariantCulture, $"{verdict.Frames} frames, the receipt states {expected.Packets}")));
        }

        if (bytes != expected.Bytes)
        {
            verdict.Add(FrameIssue.ForFile( string.Create(CultureInfo.InvariantCulture, $"file is {bytes} bytes, the receipt states {expected.Bytes}")));
        }

        string sha256 = Receipt.ReceiptWriter.Sha256Hex(path);
        if (!sha256.Equals(expected.Sha256, StringComparison.Ordinal))
        {
            verdict.Add(FrameIssue.ForFile( $"file SHA-256 {sha256} differs from the receipt's {expected.Sha256}"));
        }
    }
}
