namespace Mvps.Evidence.Analysis;

/// <summary>
/// One session of one capture scored against its reference: every frame's D², the threshold, and the figures an
/// operator asks for first. <see cref="LeaveOneOut"/> is set when the capture is the reference itself: each frame
/// is then scored against the other n − 1, with the threshold for n − 1, so its alarms are honest false alarms.
/// </summary>
public sealed class SessionScore
{
    public SessionScore(VantageSessionKey session, ReferenceModel reference, double threshold, bool leaveOneOut, IReadOnlyList<ScoredFrame> frames, long onsetTick)
    {
        Session = session;
        Reference = reference;
        Threshold = threshold;
        LeaveOneOut = leaveOneOut;
        Frames = frames;
        OnsetTick = onsetTick;
    }

    public VantageSessionKey Session { get; }

    public ReferenceModel Reference { get; }

    /// <summary>The number of reference frames the threshold is for: n, or n − 1 when scored leave-one-out.</summary>
    public long ReferenceCount => LeaveOneOut ? Reference.Count - 1 : Reference.Count;

    public double Threshold { get; }

    public bool LeaveOneOut { get; }

    public IReadOnlyList<ScoredFrame> Frames { get; }

    /// <summary>The tick of the regime's first attacked frame when the capture is one of ours (see docs/analysis.md), else -1.</summary>
    public long OnsetTick { get; }

    public long Alarms => Frames.Count(f => f.Alarm);

    public long? FirstAlarmTick => Frames.Where(f => f.Alarm).Select(f => (long?)f.Frame.Tick).FirstOrDefault();

    /// <summary>Alarms on frames before the attack's onset (all alarms when there is no onset): false alarms.</summary>
    public long AlarmsBeforeOnset => Frames.Count(f => f.Alarm && (OnsetTick < 0 || f.Frame.Tick < OnsetTick));

    /// <summary>Ticks from the onset to the first alarm at or after it; null without an onset or an alarm after it.</summary>
    public long? DetectionDelayTicks =>
        OnsetTick < 0 ? null : Frames.Where(f => f.Alarm && f.Frame.Tick >= OnsetTick).Select(f => (long?)(f.Frame.Tick - OnsetTick)).FirstOrDefault();

    public ScoredFrame? Max => Frames.Count == 0 ? null : Frames.Aggregate((best, f) => f.DistanceSquared > best.DistanceSquared ? f : best);
}
