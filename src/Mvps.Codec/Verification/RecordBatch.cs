using Mvps.Codec.Capture;

namespace Mvps.Codec.Verification;

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
    public const int ArenaLength = 4 * CaptureLayout.MaxRecordSize;

    private readonly byte[] _arena = new byte[ArenaLength];
    private readonly int[] _dataStart = new int[MaxRecords];
    private readonly int[] _dataLength = new int[MaxRecords];
    private readonly long[] _fileOffset = new long[MaxRecords];
    private int _arenaUsed;

    public long FirstIndex { get; private set; }

    public int Count { get; private set; }

    /// <summary>File offset of the last record, for progress.</summary>
    public long EndOffset { get; private set; }

    // --- Results, written by the worker that checks the batch. ---

    /// <summary>The batch's issues in frame order, at most <see cref="CaptureVerdict.MaxIssuesKept"/>.</summary>
    public List<FrameIssue> Issues { get; } = [];

    /// <summary>Issues found beyond those kept in <see cref="Issues"/>.</summary>
    public long IssuesNotKept { get; set; }

    public long FramesWithProblems { get; set; }

    /// <summary>Whether any frame decoded far enough to have a tick.</summary>
    public bool HasTick { get; set; }

    public uint FirstTick { get; set; }

    public uint LastTick { get; set; }

    public long FirstTickFrameIndex { get; set; }

    public long FirstTickRecordOffset { get; set; }

    /// <summary>
    /// Where, among all issues of the batch (kept or not), a tick-order issue of the first ticked frame goes:
    /// after that frame's decoding problems, before its receipt problems.
    /// </summary>
    public long FirstTickIssuePosition { get; set; }

    /// <summary>Whether the first ticked frame has problems of its own.</summary>
    public bool FirstTickFrameHasProblems { get; set; }

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
        HasTick = false;
        FirstTick = 0;
        LastTick = 0;
        FirstTickFrameIndex = 0;
        FirstTickRecordOffset = 0;
        FirstTickIssuePosition = 0;
        FirstTickFrameHasProblems = false;
    }

    /// <summary>Whether any record the reader can return (at most <see cref="CaptureLayout.MaxRecordSize"/> bytes) still fits.</summary>
    public bool HasRoom => Count < MaxRecords && ArenaLength - _arenaUsed >= CaptureLayout.MaxRecordSize;

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
        _arenaUsed += data.Length;
        Count++;
        EndOffset = record.FileOffset;
    }

    public ReadOnlySpan<byte> Data(int i) => _arena.AsSpan(_dataStart[i], _dataLength[i]);

    public long FileOffset(int i) => _fileOffset[i];

    /// <summary>Records an issue: kept while fewer than the verdict can show, else only counted.</summary>
    public void AddIssue(FrameIssue issue)
    {
        if (Issues.Count < CaptureVerdict.MaxIssuesKept)
        {
            Issues.Add(issue);
        }
        else
        {
            IssuesNotKept++;
        }
    }

    public long IssueCount => Issues.Count + IssuesNotKept;
}
