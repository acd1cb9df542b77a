using Mvps.Codec.Capture;

namespace Mvps.Evidence.Verification;

/// <summary>
/// A run of consecutive capture records copied out of the reader's window, so a worker can check them while
/// the reader moves on; and, once checked, what the worker found. Reused from batch to batch: after warm-up
/// filling and checking a batch allocates nothing unless frames have problems.
/// </summary>
internal sealed class RecordBatch
{
    /// <summary>Records per batch: large enough to amortise hand-offs, small enough to keep memory flat.</summary>
    public const int MaxRecords = 4096;

    /// <summary>Bytes of record data per batch; holds several records of the maximum size.</summary>
    public const int ArenaLength = 4 * CaptureReader.MaxRecordSize;

    private readonly byte[] _arena = new byte[ArenaLength];
    private readonly int[] _dataStart = new int[MaxRecords];
    private readonly int[] _dataLength = new int[MaxRecords];
    private readonly long[] _fileOffset = new long[MaxRecords];
    private readonly uint[] _linkType = new uint[MaxRecords];
    private int _arenaUsed;

    // --- Per record, written by the checker and read by the merger (sessions and tick order). ---

    /// <summary>Whether the record's MVPS payload decoded far enough to have a tick (then its offsets below hold).</summary>
    public bool[] Ticked { get; } = new bool[MaxRecords];

    /// <summary>Whether the record has problems of its own (not counting tick order).</summary>
    public bool[] HasProblems { get; } = new bool[MaxRecords];

    /// <summary>Record offset of the MVPS payload.</summary>
    public int[] PayloadOffset { get; } = new int[MaxRecords];

    /// <summary>Record offset of the source address (the destination follows) and its length, 4 or 16.</summary>
    public int[] AddressOffset { get; } = new int[MaxRecords];

    public byte[] AddressLength { get; } = new byte[MaxRecords];

    public long FirstIndex { get; private set; }

    public int Count { get; private set; }

    /// <summary>File offset of the last record, for progress.</summary>
    public long EndOffset { get; private set; }

    // --- Results, written by the worker that checks the batch. ---

    /// <summary>The batch's issues in frame order, at most <see cref="CaptureVerdict.MaxIssuesKept"/>.</summary>
    public List<FrameIssue> Issues { get; } = [];

    /// <summary>For each kept issue: whether it comes after its frame's tick-order issue (receipt issues do).</summary>
    public List<bool> IssueAfterTick { get; } = [];

    /// <summary>Capture mode: records per <see cref="Mvps.Codec.Wire.RecordClass"/>.</summary>
    public long[] ClassCounts { get; } = new long[Mvps.Codec.Wire.RecordClasses.Count];

    /// <summary>Capture mode: MVPS frames with a checksum mismatch (warnings, not problems).</summary>
    public long ChecksumWarnings { get; set; }

    /// <summary>Capture mode: captured and needed bytes of the first record cut short by the snap length.</summary>
    public int FirstTruncatedCaptured { get; set; }

    public int FirstTruncatedNeeded { get; set; }

    /// <summary>Issues found beyond those kept in <see cref="Issues"/>.</summary>
    public long IssuesNotKept { get; set; }

    public long FramesWithProblems { get; set; }

    /// <summary>Set by the worker once the results are complete (parallel pipeline only).</summary>
    public ManualResetEventSlim Checked { get; } = new(initialState: false);

    /// <summary>What went wrong in the worker, rethrown on the merging thread.</summary>
    public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure { get; set; }

    public void Reset(long firstIndex)
    {
        Checked.Reset();
        Failure = null;
        FirstIndex = firstIndex;
        Count = 0;
        _arenaUsed = 0;
        EndOffset = 0;
        Issues.Clear();
        IssuesNotKept = 0;
        FramesWithProblems = 0;
        IssueAfterTick.Clear();
        Array.Clear(ClassCounts);
        ChecksumWarnings = 0;
        FirstTruncatedCaptured = 0;
        FirstTruncatedNeeded = 0;
    }

    /// <summary>Whether any record the reader can return (at most <see cref="CaptureReader.MaxRecordSize"/> bytes) still fits.</summary>
    public bool HasRoom => Count < MaxRecords && ArenaLength - _arenaUsed >= CaptureReader.MaxRecordSize;

    /// <summary>Copies a record in; call only while <see cref="HasRoom"/>.</summary>
    public void Add(in CaptureRecord record)
    {
        var data = record.Data;
        if (Count == MaxRecords || data.Length > ArenaLength - _arenaUsed)
        {
            throw new InvalidOperationException("the batch is full");
        }

        data.CopyTo(_arena.AsSpan(_arenaUsed));
        _dataStart[Count] = _arenaUsed;
        _dataLength[Count] = data.Length;
        _fileOffset[Count] = record.FileOffset;
        _linkType[Count] = record.LinkType;
        _arenaUsed += data.Length;
        Count++;
        EndOffset = record.FileOffset;
    }

    public ReadOnlySpan<byte> Data(int i) => _arena.AsSpan(_dataStart[i], _dataLength[i]);

    /// <summary>All records' bytes, back to back; record i starts at <see cref="DataStart"/>.</summary>
    public ReadOnlySpan<byte> Arena => _arena.AsSpan(0, _arenaUsed);

    public int DataStart(int i) => _dataStart[i];

    public long FileOffset(int i) => _fileOffset[i];

    public uint LinkType(int i) => _linkType[i];

    /// <summary>Records an issue: kept while fewer than the verdict can show, else only counted.</summary>
    public void AddIssue(FrameIssue issue, bool afterTick)
    {
        if (Issues.Count < CaptureVerdict.MaxIssuesKept)
        {
            Issues.Add(issue);
            IssueAfterTick.Add(afterTick);
        }
        else
        {
            IssuesNotKept++;
        }
    }

    public long IssueCount => Issues.Count + IssuesNotKept;
}
