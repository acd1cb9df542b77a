namespace Mvps.Codec.Verification;

/// <summary>The outcome of checking one capture file.</summary>
public sealed class CaptureVerdict(string displayName)
{
    /// <summary>Issues kept for the report; counting goes on past this.</summary>
    public const int MaxIssuesKept = 20;

    private readonly List<FrameIssue> _issues = [];

    public string DisplayName { get; } = displayName;
    public long Frames { get; internal set; }
    public long FramesWithProblems { get; internal set; }
    public long IssueCount { get; private set; }
    public bool ReceiptChecked { get; internal set; }
    public IReadOnlyList<FrameIssue> Issues => _issues;
    public bool Passed => IssueCount == 0;

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
