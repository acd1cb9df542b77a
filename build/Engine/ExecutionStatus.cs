namespace Mvps.Build.Engine;

public enum ExecutionStatus
{
    Scheduled,
    Succeeded,
    Skipped,
    Failed,
    NotRun,

    /// <summary>A target without actions whose dependencies ran.</summary>
    Collective,
}
