namespace Mvps.Evidence.Analysis;

/// <summary>One capture scored: its sessions, and per tick the bundle of every vantage present.</summary>
public sealed record CaptureScore(string DisplayName, long Skipped, bool IsReference, IReadOnlyList<SessionScore> Sessions, IReadOnlyList<BundleTick> Bundle)
{
    public long Frames => Sessions.Sum(s => (long)s.Frames.Count);

    public long Alarms => Sessions.Sum(s => s.Alarms);

    public long BundleAlarms => Bundle.Count(t => t.Alarm);
}
