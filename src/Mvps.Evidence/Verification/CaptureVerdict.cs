using Mvps.Codec.Wire;

namespace Mvps.Evidence.Verification;

/// <summary>The outcome of checking one capture file.</summary>
public sealed class CaptureVerdict(string displayName, VerificationMode mode = VerificationMode.Strict)
{
    /// <summary>Issues kept for the report; counting goes on past this.</summary>
    public const int MaxIssuesKept = 20;

    private readonly List<FrameIssue> _issues = [];

    public string DisplayName { get; } = displayName;

    public VerificationMode Mode { get; } = mode;

    /// <summary>Packet records read (strict mode: frames).</summary>
    public long Frames { get; internal set; }

    public long FramesWithProblems { get; internal set; }
    public long IssueCount { get; private set; }
    public bool ReceiptChecked { get; internal set; }
    public IReadOnlyList<FrameIssue> Issues => _issues;
    public bool Passed => IssueCount == 0;

    /// <summary>Capture mode: records per <see cref="RecordClass"/>, indexed by its value.</summary>
    public IReadOnlyList<long> ClassCounts => ClassCountsMutable;

    public long CountOf(RecordClass kind) => ClassCountsMutable[(int)kind];

    /// <summary>Capture mode: MVPS frames whose IPv4 or UDP checksum is wrong (warnings; strict mode fails them).</summary>
    public long ChecksumWarnings { get; internal set; }

    /// <summary>Capture mode: MVPS frames seen again right after themselves (same session, tick and tag), counted once.</summary>
    public long DuplicateCopies { get; internal set; }

    /// <summary>Sessions in order of first appearance (capture mode; strict mode has the whole file as one).</summary>
    public IReadOnlyList<SessionSummary> Sessions => SessionsMutable;

    /// <summary>Captured and needed bytes of the first record the snap length cut short (0 when none was).</summary>
    public int FirstTruncatedCaptured { get; internal set; }

    public int FirstTruncatedNeeded { get; internal set; }

    internal long[] ClassCountsMutable { get; } = new long[RecordClasses.Count];

    internal List<SessionSummary> SessionsMutable { get; } = [];

    internal void Add(FrameIssue issue)
    {
        IssueCount++;
        if (_issues.Count < MaxIssuesKept)
        {
            _issues.Add(issue);
        }
    }

    /// <summary>Counts issues already known not to be kept (the verdict held its maximum before them).</summary>
    internal void AddUnkeptIssues(long count) => IssueCount += count;
}
