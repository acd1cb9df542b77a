using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Mvps.Codec.Wire;
using Mvps.Evidence.Receipt;
using Mvps.IO;

namespace Mvps.Evidence.Verification;

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
    private readonly ReceiptFrameHashes? _frameHashes;
    private readonly VerificationMode _mode;
    private readonly List<FrameProblem> _problems = [];
    private readonly byte[] _hashScratch = new byte[SHA256.HashSizeInBytes];

    /// <param name="authenticator">Used by this checker alone while it runs; the caller disposes it.</param>
    /// <param name="frameHashes">The receipt's per-frame SHA-256 values to compare with, or null to skip that comparison.</param>
    /// <param name="mode">How strictly the frames are checked (see <see cref="VerificationMode"/>).</param>
    public BatchChecker(FrameAuthenticator authenticator, ReceiptFrameHashes? frameHashes, VerificationMode mode)
    {
        _authenticator = authenticator;
        _frameHashes = frameHashes;
        _mode = mode;
    }

    /// <summary>Pass 1's finding for one record.</summary>
    private enum Stage : byte
    {
        /// <summary>Not an MVPS frame (capture mode): counted, nothing to check.</summary>
        NotMvps,

        /// <summary>Every rule but the tag holds: the tag is computed in pass 2.</summary>
        TagPending,

        /// <summary>Some rule fails: the decoder says which (pass 3).</summary>
        Decode,
    }

    private readonly Stage[] _stage = new Stage[RecordBatch.MaxRecords];
    private readonly bool[] _tagHolds = new bool[RecordBatch.MaxRecords];
    private readonly int[] _pendingRecord = new int[FrameAuthenticator.TagBatchSize];
    private readonly int[] _pendingOffset = new int[FrameAuthenticator.TagBatchSize];
    private readonly byte[] _tags = new byte[FrameAuthenticator.TagBatchSize * FieldLengths.Tag];

    /// <summary>
    /// Three passes over the batch: the rules without the tag (and, in capture mode, the dissection and class
    /// counts); the tags of the frames that passed, computed in groups so the compressions run at their own
    /// speed; then, in record order, the decoder for every frame that failed something, the receipt hashes and
    /// the issues.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Check(RecordBatch batch)
    {
        var strict = _mode == VerificationMode.Strict;
        for (var i = 0; i < batch.Count; i++)
        {
            _stage[i] = strict ? ScreenStrict(batch, i) : ScreenCaptured(batch, i);
        }

        ComputeTags(batch);

        var problems = _problems;
        for (var i = 0; i < batch.Count; i++)
        {
            var data = batch.Data(i);
            var index = batch.FirstIndex + i;
            problems.Clear();
            var ticked = _stage[i] switch
            {
                Stage.NotMvps => false,
                Stage.TagPending when _tagHolds[i] => true,
                _ => strict ? FrameDecoder.TryDecode(data, _authenticator, problems, out _) : DecodeCaptured(batch, i, data, problems),
            };
            batch.Ticked[i] = ticked;

            var receiptProblem = _frameHashes is null ? null : CheckFrameHash(data, index);
            var hasProblems = problems.Count > 0 || receiptProblem is not null;
            batch.HasProblems[i] = hasProblems;
            if (hasProblems)
            {
                foreach (var problem in problems)
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

    private Stage ScreenStrict(RecordBatch batch, int i)
    {
        batch.PayloadOffset[i] = FieldLocations.Bfd;
        batch.AddressOffset[i] = FieldLocations.Ipv4Source;
        batch.AddressLength[i] = FieldLengths.Ipv4Address;
        return FrameScreen.EvidenceFieldsHold(batch.Data(i)) ? Stage.TagPending : Stage.Decode;
    }

    private Stage ScreenCaptured(RecordBatch batch, int i)
    {
        var data = batch.Data(i);
        var layers = PacketDissector.Dissect(batch.LinkType(i), data);
        batch.ClassCounts[(int)layers.Class]++;
        if (layers.Class != RecordClass.Mvps)
        {
            if (layers.Class == RecordClass.CapturedTruncated && batch.FirstTruncatedNeeded == 0)
            {
                batch.FirstTruncatedCaptured = layers.CapturedBytes;
                batch.FirstTruncatedNeeded = layers.NeededBytes;
            }

            return Stage.NotMvps;
        }

        batch.PayloadOffset[i] = layers.PayloadOffset;
        batch.AddressOffset[i] = layers.AddressOffset;
        batch.AddressLength[i] = layers.AddressLength;
        if (layers.HasChecksumWarning)
        {
            batch.ChecksumWarnings++;
        }

        return FrameScreen.CapturedFieldsHold(data, layers) ? Stage.TagPending : Stage.Decode;
    }

    /// <summary>Pass 2: the tag of every frame whose other rules hold, a group at a time, compared in constant time.</summary>
    private void ComputeTags(RecordBatch batch)
    {
        var arena = batch.Arena;
        var pending = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (_stage[i] != Stage.TagPending)
            {
                continue;
            }

            _pendingRecord[pending] = i;
            _pendingOffset[pending] = batch.DataStart(i) + batch.PayloadOffset[i];
            if (++pending == FrameAuthenticator.TagBatchSize)
            {
                CompareTags(arena, pending);
                pending = 0;
            }
        }

        if (pending > 0)
        {
            CompareTags(arena, pending);
        }
    }

    private void CompareTags(ReadOnlySpan<byte> arena, int count)
    {
        _authenticator.ComputePayloadTags(arena, _pendingOffset.AsSpan(0, count), _tags);
        for (var k = 0; k < count; k++)
        {
            var stated = arena.Slice(_pendingOffset[k] + PayloadLocations.Tag, FieldLengths.Tag);
            _tagHolds[_pendingRecord[k]] = CryptographicOperations.FixedTimeEquals(_tags.AsSpan(k * FieldLengths.Tag, FieldLengths.Tag), stated);
        }
    }

    private bool DecodeCaptured(RecordBatch batch, int i, ReadOnlySpan<byte> data, List<FrameProblem> problems)
    {
        var layers = PacketDissector.Dissect(batch.LinkType(i), data);
        var decoded = FrameDecoder.TryDecodeCaptured(data, layers, _authenticator, problems, out _);
        problems.RemoveAll(static p => FrameDecoder.IsChecksumWarning(p.Kind)); // counted in pass 1, not failures here
        return decoded;
    }

    /// <summary>What is wrong with the frame's hash against the receipt, or null; the text is made only for a mismatch.</summary>
    private string? CheckFrameHash(ReadOnlySpan<byte> data, long index)
    {
        var hashes = _frameHashes!;
        SHA256.HashData(data, _hashScratch);
        if (index >= hashes.Count)
        {
            return "frame not listed in the receipt";
        }

        return hashes.Matches((int)index, _hashScratch)
            ? null
            : $"frame SHA-256 {LowerHex.Of(_hashScratch)} differs from the receipt's {hashes.Stated((int)index)}";
    }
}
