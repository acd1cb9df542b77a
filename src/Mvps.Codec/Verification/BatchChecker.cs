using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Verification;

/// <summary>
/// Checks the frames of one <see cref="RecordBatch"/>: layout, checksums, tag, tick order within the batch
/// and, with a receipt, each frame's hash. Tick order across batches is settled when batches are merged
/// (<see cref="VerdictMerger"/>). One instance per worker thread, each with its own authenticator and scratch.
/// </summary>
internal sealed class BatchChecker
{
    private readonly FrameAuthenticator _authenticator;
    private readonly IReadOnlyList<string>? _frameHashes;
    private readonly List<FrameProblem> _problems = [];
    private readonly byte[] _tagScratch = new byte[FieldLengths.Tag];
    private readonly byte[] _hashScratch = new byte[SHA256.HashSizeInBytes];

    /// <param name="authenticator">Used by this checker alone while it runs; the caller disposes it.</param>
    /// <param name="frameHashes">The receipt's per-frame SHA-256 values to compare with, or null to skip that comparison.</param>
    public BatchChecker(FrameAuthenticator authenticator, IReadOnlyList<string>? frameHashes)
    {
        _authenticator = authenticator;
        _frameHashes = frameHashes;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Check(RecordBatch batch)
    {
        var problems = _problems;
        uint? previousTick = null;
        for (int i = 0; i < batch.Count; i++)
        {
            var data = batch.Data(i);
            long index = batch.FirstIndex + i;
            problems.Clear();

            uint tick;
            bool decoded;
            if (CleanFrameScreen.IsClean(data, _authenticator, _tagScratch))
            {
                decoded = true;
                tick = BinaryPrimitives.ReadUInt32BigEndian(data[FieldLocations.Tick..]);
            }
            else
            {
                decoded = FrameDecoder.TryDecode(data, _authenticator, problems, out CoherenceFrame fields);
                tick = fields.Tick;
            }

            bool firstTicked = false;
            if (decoded)
            {
                if (previousTick is uint previous)
                {
                    if (tick <= previous)
                    {
                        problems.Add(TickOrderProblem(tick, previous));
                    }
                }
                else
                {
                    firstTicked = true;
                    batch.HasTick = true;
                    batch.FirstTick = tick;
                    batch.FirstTickFrameIndex = index;
                    batch.FirstTickRecordOffset = batch.FileOffset(i);
                    batch.FirstTickIssuePosition = batch.IssueCount + problems.Count;
                }

                previousTick = tick;
            }

            if (_frameHashes is not null)
            {
                CheckFrameHash(data, index, problems);
            }

            if (problems.Count > 0)
            {
                foreach (FrameProblem problem in problems)
                {
                    batch.AddIssue(FrameIssue.From(index, batch.FileOffset(i), problem));
                }

                batch.FramesWithProblems++;
            }

            if (firstTicked)
            {
                batch.FirstTickFrameHasProblems = problems.Count > 0;
            }
        }

        // Written once, not per frame: the batch object is shared with the merging thread.
        if (previousTick is uint last)
        {
            batch.LastTick = last;
        }
    }

    /// <summary>The tick-order problem, worded as the decoder's other problems are.</summary>
    public static FrameProblem TickOrderProblem(uint tick, uint previous) =>
        new(FrameProblemKind.TickOrder, FieldLocations.Tick,
            string.Create(CultureInfo.InvariantCulture, $"tick {tick} does not follow tick {previous}: ticks must increase"));

    private void CheckFrameHash(ReadOnlySpan<byte> data, long index, List<FrameProblem> problems)
    {
        var hashes = _frameHashes!;
        SHA256.HashData(data, _hashScratch);
        if (index >= hashes.Count)
        {
            problems.Add(new FrameProblem(FrameProblemKind.ReceiptMismatch, 0, "frame not listed in the receipt"));
        }
        else if (!Convert.ToHexStringLower(_hashScratch).Equals(hashes[(int)index], StringComparison.Ordinal))
        {
            problems.Add(new FrameProblem(FrameProblemKind.ReceiptMismatch, 0,
                $"frame SHA-256 {Convert.ToHexStringLower(_hashScratch)} differs from the receipt's {hashes[(int)index]}"));
        }
    }
}
