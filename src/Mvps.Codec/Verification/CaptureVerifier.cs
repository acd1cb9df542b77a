using System.Globalization;
using System.Text.Json;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Verification;

/// <summary>
/// Checks every frame of a capture: layout, checksums, tag and tick order, and, given the receipt's
/// expectations, the file's size and hash and each frame's hash. Streams the file in batches of records;
/// with several threads, batches are checked in parallel and merged in frame order, so the verdict is the
/// same whatever the thread count. Memory is a few batches per thread; per frame nothing is allocated
/// unless a problem is found.
/// </summary>
public static class CaptureVerifier
{
    /// <summary>
    /// Single-threaded, with the caller's authenticator.
    /// Throws <see cref="CaptureFormatException"/> when the file is not a usable capture (not pcap,
    /// truncated record, non-Ethernet link type); frame-level problems go into the verdict.
    /// </summary>
    public static CaptureVerdict Verify(string path, string displayName, FrameAuthenticator authenticator, ReceiptExpectations? expected, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        var verdict = new CaptureVerdict(displayName);
        var checker = new BatchChecker(authenticator, expected?.FrameSha256);
        var merger = new VerdictMerger(verdict);
        var batch = new RecordBatch();
        using (CaptureReader reader = CaptureReader.Open(path))
        {
            while (Fill(reader, displayName, batch, verdict.Frames))
            {
                checker.Check(batch);
                merger.Merge(batch);
                progress?.Report(batch.EndOffset);
            }
        }

        return Finish(path, expected, verdict);
    }

    /// <summary>
    /// As <see cref="Verify(string, string, FrameAuthenticator, ReceiptExpectations?, IProgress{long}?)"/>,
    /// on <paramref name="threads"/> threads (the calling one included), each with its own authenticator for <paramref name="key"/>.
    /// </summary>
    public static CaptureVerdict Verify(string path, string displayName, ReadOnlySpan<byte> key, int threads, ReceiptExpectations? expected, IProgress<long>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (threads == 1)
        {
            using var authenticator = new FrameAuthenticator(key);
            return Verify(path, displayName, authenticator, expected, progress);
        }

        var verdict = new CaptureVerdict(displayName);
        using (var pipeline = new ParallelBatchPipeline(key, threads, expected?.FrameSha256, new VerdictMerger(verdict), progress))
        using (CaptureReader reader = CaptureReader.Open(path))
        {
            long nextIndex = 0;
            while (true)
            {
                var batch = pipeline.Rent();
                if (!Fill(reader, displayName, batch, nextIndex))
                {
                    pipeline.Return(batch);
                    break;
                }

                nextIndex += batch.Count;
                pipeline.Submit(batch);
            }

            pipeline.Drain();
        }

        return Finish(path, expected, verdict);
    }

    /// <summary>Fills <paramref name="batch"/> with the next records; false when the file has none left.</summary>
    private static bool Fill(CaptureReader reader, string displayName, RecordBatch batch, long firstIndex)
    {
        batch.Reset(firstIndex);
        while (batch.HasRoom && reader.TryReadNext(out CaptureRecord record))
        {
            if (record.LinkType != CaptureLayout.PcapFileHeader.LinkTypeEthernet)
            {
                throw new CaptureFormatException(displayName, record.Index, record.FileOffset,
                    string.Create(CultureInfo.InvariantCulture, $"link type {record.LinkType} is not Ethernet (1): not an MVPS capture"));
            }

            batch.Add(record);
        }

        return batch.Count > 0;
    }

    private static CaptureVerdict Finish(string path, ReceiptExpectations? expected, CaptureVerdict verdict)
    {
        if (verdict.Frames == 0)
        {
            // A header with no records proves nothing; "OK" would read as evidence checked.
            verdict.Add(FrameIssue.ForFile("no frames: the capture holds no packet records, so nothing was verified"));
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
        // Size and hash of what the path opens (through any symlink), read in one pass.
        long bytes;
        string sha256;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            byte[] hash = System.Security.Cryptography.SHA256.HashData(stream);
            bytes = stream.Position;
            sha256 = Convert.ToHexStringLower(hash);
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
            foreach (FrameIssue issue in ReceiptContentCheck.Compare(path, contents))
            {
                verdict.Add(issue);
            }
        }
    }
}
