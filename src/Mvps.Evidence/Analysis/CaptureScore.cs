namespace Mvps.Evidence.Analysis;

/// <summary>One capture scored: its sessions, and per tick the bundle of every vantage present.</summary>
public sealed record CaptureScore(string DisplayName, long Skipped, bool IsReference, IReadOnlyList<SessionScore> Sessions, IReadOnlyList<BundleTick> Bundle)
{
    /// <summary>Frames scored, over all sessions.</summary>
    public long Frames => Sessions.Sum(s => (long)s.Frames.Count);

    /// <summary>Frames whose D² exceeded their session's threshold, over all sessions.</summary>
    public long Alarms => Sessions.Sum(s => s.Alarms);

    /// <summary>Ticks at which the vantage bundle as a whole raised an alarm.</summary>
    public long BundleAlarms => Bundle.Count(t => t.Alarm);
}
