using System.Globalization;
using System.Text.Json;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.Evidence.Receipt;
using Mvps.IO;

namespace Mvps.Evidence.Verification;

/// <summary>
/// Checks every record of a capture: in capture mode its class and, for MVPS frames, payload, TTL, checksums
/// (warnings), tag and per-session tick order; in strict mode the evidence layout, checksums, tag and tick
/// order of every frame; and, given the receipt's
/// expectations, the file's size and hash and each frame's hash. Streams the file in batches of records;
/// with several threads, batches are checked in parallel and merged in frame order, so the verdict is the
/// same whatever the thread count. Memory is a few batches per thread; per frame nothing is allocated
/// unless a problem is found.
/// </summary>
public static class CaptureVerifier
{
    /// <summary>
    /// Single-threaded, with the caller's authenticator. A receipt implies <see cref="VerificationMode.Strict"/>.
    /// Throws <see cref="CaptureFormatException"/> when the file is not a usable capture (not pcap, truncated
    /// record; in strict mode also a non-Ethernet link type); frame-level problems go into the verdict.
    /// </summary>
    public static CaptureVerdict Verify(string path, string displayName, FrameAuthenticator authenticator, VerificationMode mode, ReceiptExpectations? expected, IProgress<long>? progress)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        mode = expected is null ? mode : VerificationMode.Strict;
        CaptureVerdict verdict;
        using (var reader = CaptureReader.Open(path))
        {
            verdict = VerifyOnOneThread(reader, displayName, authenticator, mode, expected, progress);
        }

        return Finish(path, expected, verdict);
    }

    /// <summary>
    /// As <see cref="Verify(string, string, FrameAuthenticator, VerificationMode, ReceiptExpectations?, IProgress{long}?)"/>,
    /// on <paramref name="threads"/> threads (the calling one included), each with its own authenticator for <paramref name="key"/>.
    /// </summary>
    public static CaptureVerdict Verify(string path, string displayName, ReadOnlySpan<byte> key, int threads, VerificationMode mode, ReceiptExpectations? expected, IProgress<long>? progress)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        mode = expected is null ? mode : VerificationMode.Strict;
        CaptureVerdict verdict;
        using (var reader = CaptureReader.Open(path))
        {
            verdict = VerifyReader(reader, displayName, key, threads, mode, expected, progress);
        }

        return Finish(path, expected, verdict);
    }

    /// <summary>
    /// A capture from a stream read forward only (standard input: `tcpdump -w - | mvps verify -`). No receipt:
    /// a receipt states the file's size and hash, which a stream cannot be checked against here.
    /// </summary>
    public static CaptureVerdict Verify(Stream stream, string displayName, ReadOnlySpan<byte> key, int threads, VerificationMode mode, IProgress<long>? progress)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        CaptureVerdict verdict;
        using (var reader = CaptureReader.Open(stream, displayName, leaveOpen: true))
        {
            verdict = VerifyReader(reader, displayName, key, threads, mode, null, progress);
        }

        return Finish(null, null, verdict);
    }

    private static CaptureVerdict VerifyReader(CaptureReader reader, string displayName, ReadOnlySpan<byte> key, int threads, VerificationMode mode, ReceiptExpectations? expected, IProgress<long>? progress)
    {
        if (threads == 1)
        {
            using var authenticator = new FrameAuthenticator(key);
            return VerifyOnOneThread(reader, displayName, authenticator, mode, expected, progress);
        }

        var verdict = new CaptureVerdict(displayName, mode);
        using (var pipeline = new ParallelBatchPipeline(key, threads, expected?.FrameSha256, mode, new VerdictMerger(verdict), progress))
        {
            long nextIndex = 0;
            while (true)
            {
                var batch = pipeline.Rent();
                if (!Fill(reader, displayName, mode, batch, nextIndex))
                {
                    pipeline.Return(batch);
                    break;
                }

                nextIndex += batch.Count;
                pipeline.Submit(batch);
            }

            pipeline.Drain();
        }

        return verdict;
    }

    private static CaptureVerdict VerifyOnOneThread(CaptureReader reader, string displayName, FrameAuthenticator authenticator, VerificationMode mode, ReceiptExpectations? expected, IProgress<long>? progress)
    {
        var verdict = new CaptureVerdict(displayName, mode);
        var checker = new BatchChecker(authenticator, expected?.FrameSha256, mode);
        var merger = new VerdictMerger(verdict);
        var batch = new RecordBatch();
        while (Fill(reader, displayName, mode, batch, verdict.Frames))
        {
            checker.Check(batch);
            merger.Merge(batch);
            progress?.Report(batch.EndOffset);
        }

        return verdict;
    }

    /// <summary>Fills <paramref name="batch"/> with the next records; false when the file has none left.</summary>
    private static bool Fill(CaptureReader reader, string displayName, VerificationMode mode, RecordBatch batch, long firstIndex)
    {
        batch.Reset(firstIndex);
        while (batch.HasRoom && reader.TryReadNext(out var record))
        {
            if (mode == VerificationMode.Strict && record.LinkType != LinkTypes.Ethernet)
            {
                throw new CaptureFormatException(displayName, record.Index, record.FileOffset,
                    string.Create(CultureInfo.InvariantCulture, $"link type {record.LinkType} is not Ethernet (1): not an MVPS evidence capture (without --strict, any capture is read)"));
            }

            batch.Add(record);
        }

        return batch.Count > 0;
    }

    private static CaptureVerdict Finish(string? path, ReceiptExpectations? expected, CaptureVerdict verdict)
    {
        if (verdict.Frames == 0)
        {
            // A header with no records proves nothing; "OK" would read as evidence checked.
            verdict.Add(FrameIssue.ForFile("no frames: the capture holds no packet records, so nothing was verified"));
        }
        else if (verdict.Mode == VerificationMode.Capture && verdict.CountOf(RecordClass.Mvps) == 0)
        {
            // Other traffic alone, or MVPS frames the snap length cut: nothing was verified, so not "OK".
            verdict.Add(FrameIssue.ForFile(string.Create(CultureInfo.InvariantCulture,
                $"no MVPS frame among {verdict.Frames:N0} records: {VerdictText.ClassCounts(verdict)}")));
        }

        if (expected is not null && path is not null)
        {
            CheckFile(path, expected, verdict);
        }

        return verdict;
    }

    private static void CheckFile(string path, ReceiptExpectations expected, CaptureVerdict verdict)
    {
        verdict.ReceiptChecked = true;
        // Size and hash of what the path opens (through any symlink), read in one pass.
        long bytes;
        string sha256;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            var hash = System.Security.Cryptography.SHA256.HashData(stream);
            bytes = stream.Position;
            sha256 = LowerHex.Of(hash);
        }

        if (verdict.Frames != expected.Packets)
        {
            verdict.Add(FrameIssue.ForFile(string.Create(CultureInfo.InvariantCulture, $"{verdict.Frames} frames, the receipt states {expected.Packets}")));
        }

        if (bytes != expected.Bytes)
        {
            verdict.Add(FrameIssue.ForFile(string.Create(CultureInfo.InvariantCulture, $"file is {bytes} bytes, the receipt states {expected.Bytes}")));
        }

        if (!sha256.Equals(expected.Sha256, StringComparison.Ordinal))
        {
            verdict.Add(FrameIssue.ForFile($"file SHA-256 {sha256} differs from the receipt's {expected.Sha256}"));
        }

        if (expected.Contents is ReceiptContents contents)
        {
            foreach (var issue in ReceiptContentCheck.Compare(path, contents))
            {
                verdict.Add(issue);
            }
        }
    }
}
