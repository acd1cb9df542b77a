using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Verification;

/// <summary>
/// Checks the records of one <see cref="RecordBatch"/>: in strict mode each as a 110-byte evidence-layout
/// frame, in capture mode each dissected into its class and, if MVPS, checked as a receiver would; with a
/// receipt, each frame's hash. Tick order and sessions are settled when batches are merged in order
/// (<see cref="VerdictMerger"/>), from what this leaves per record. One instance per worker thread, each with
/// its own authenticator and scratch.
/// </summary>
internal sealed class BatchChecker
{
    private readonly FrameAuthenticator _authenticator;
    private readonly IReadOnlyList<string>? _frameHashes;
    private readonly VerificationMode _mode;
    private readonly List<FrameProblem> _problems = [];
    private readonly byte[] _tagScratch = new byte[FieldLengths.Tag];
    private readonly byte[] _hashScratch = new byte[SHA256.HashSizeInBytes];

    /// <param name="authenticator">Used by this checker alone while it runs; the caller disposes it.</param>
    public BatchChecker(FrameAuthenticator authenticator, IReadOnlyList<string>? frameHashes, VerificationMode mode)
    {
        _authenticator = authenticator;
        _frameHashes = frameHashes;
        _mode = mode;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Check(RecordBatch batch)
    {
        var problems = _problems;
        bool strict = _mode == VerificationMode.Strict;
        for (int i = 0; i < batch.Count; i++)
        {
            var data = batch.Data(i);
            long index = batch.FirstIndex + i;
            problems.Clear();

            bool ticked = strict ? CheckStrict(batch, i, data, problems) : CheckCaptured(batch, i, data, problems);
            batch.Ticked[i] = ticked;

            string? receiptProblem = _frameHashes is null ? null : CheckFrameHash(data, index);
            bool hasProblems = problems.Count > 0 || receiptProblem is not null;
            batch.HasProblems[i] = hasProblems;
            if (hasProblems)
            {
                foreach (FrameProblem problem in problems)
                {
                    batch.AddIssue(FrameIssue.From(index, batch.FileOffset(i), problem), afterTick: false);
                }

                if (receiptProblem is not null)
                {
                    // Receipt problems follow the frame's tick-order problem, which the merger inserts.
                    batch.AddIssue(new FrameIssue(index, batch.FileOffset(i), 0, receiptProblem), afterTick: true);
                }

                batch.FramesWithProblems++;
            }
        }
    }

    private bool CheckStrict(RecordBatch batch, int i, ReadOnlySpan<byte> data, List<FrameProblem> problems)
    {
        batch.PayloadOffset[i] = FieldLocations.Bfd;
        batch.AddressOffset[i] = FieldLocations.Ipv4Source;
        batch.AddressLength[i] = FieldLengths.Ipv4Address;
        return FrameScreen.IsClean(data, _authenticator, _tagScratch)
            || FrameDecoder.TryDecode(data, _authenticator, problems, out _);
    }

    private bool CheckCaptured(RecordBatch batch, int i, ReadOnlySpan<byte> data, List<FrameProblem> problems)
    {
        PacketLayers layers = PacketDissector.Dissect(batch.LinkType(i), data);
        batch.ClassCounts[(int)layers.Class]++;
        if (layers.Class != RecordClass.Mvps)
        {
            if (layers.Class == RecordClass.CapturedTruncated && batch.FirstTruncatedNeeded == 0)
            {
                batch.FirstTruncatedCaptured = layers.CapturedBytes;
                batch.FirstTruncatedNeeded = layers.NeededBytes;
            }

            return false;
        }

        batch.PayloadOffset[i] = layers.PayloadOffset;
        batch.AddressOffset[i] = layers.AddressOffset;
        batch.AddressLength[i] = layers.AddressLength;
        if (layers.HasChecksumWarning)
        {
            batch.ChecksumWarnings++;
        }

        if (FrameScreen.IsCleanCaptured(data, layers, _authenticator, _tagScratch))
        {
            return true;
        }

        bool decoded = FrameDecoder.TryDecodeCaptured(data, layers, _authenticator, problems, out _);
        problems.RemoveAll(static p => FrameDecoder.IsChecksumWarning(p.Kind)); // counted above, not failures here
        return decoded;
    }

    /// <summary>What is wrong with the frame's hash against the receipt, or null.</summary>
    private string? CheckFrameHash(ReadOnlySpan<byte> data, long index)
    {
        var hashes = _frameHashes!;
        SHA256.HashData(data, _hashScratch);
        if (index >= hashes.Count)
        {
            return "frame not listed in the receipt";
        }

        return Convert.ToHexStringLower(_hashScratch).Equals(hashes[(int)index], StringComparison.Ordinal)
            ? null
            : $"frame SHA-256 {Convert.ToHexStringLower(_hashScratch)} differs from the receipt's {hashes[(int)index]}";
    }
}
