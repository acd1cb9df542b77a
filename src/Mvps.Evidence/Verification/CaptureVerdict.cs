using Mvps.Codec.Wire;

namespace Mvps.Evidence.Verification;

/// <summary>The outcome of checking one capture file.</summary>
public sealed class CaptureVerdict(string displayName, VerificationMode mode = VerificationMode.Strict)
{
    /// <summary>Issues kept for the report; counting goes on past this.</summary>
    internal const int MaxIssuesKept = 20;

    private readonly List<FrameIssue> _issues = [];

    /// <summary>The capture as the user named it.</summary>
    public string DisplayName { get; } = displayName;

    /// <summary>The mode the capture was checked in.</summary>
    public VerificationMode Mode { get; } = mode;

    /// <summary>Packet records read (strict mode: frames).</summary>
    public long Frames { get; internal set; }

    internal long FramesWithProblems { get; set; }
    /// <summary>Problems found in all; only the first few are kept in <see cref="Issues"/>.</summary>
    public long IssueCount { get; private set; }
    internal bool ReceiptChecked { get; set; }
    /// <summary>The first problems found, in the order found.</summary>
    public IReadOnlyList<FrameIssue> Issues => _issues;
    /// <summary>Whether no problem was found.</summary>
    public bool Passed => IssueCount == 0;

    /// <summary>Capture mode: records per <see cref="RecordClass"/>, indexed by its value.</summary>
    internal IReadOnlyList<long> ClassCounts => ClassCountsMutable;

    internal long CountOf(RecordClass kind) => ClassCountsMutable[(int)kind];

    /// <summary>Capture mode: MVPS frames whose IPv4 or UDP checksum is wrong (warnings; strict mode fails them).</summary>
    internal long ChecksumWarnings { get; set; }

    /// <summary>Capture mode: MVPS frames seen again right after themselves (same session, tick and tag), counted once.</summary>
    internal long DuplicateCopies { get; set; }

    /// <summary>Sessions in order of first appearance (capture mode; strict mode has the whole file as one).</summary>
    public IReadOnlyList<SessionSummary> Sessions => SessionsMutable;

    /// <summary>Captured and needed bytes of the first record the snap length cut short (0 when none was).</summary>
    internal int FirstTruncatedCaptured { get; set; }

    internal int FirstTruncatedNeeded { get; set; }

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
