namespace Mvps.Evidence.Analysis;

/// <summary>
/// One session of one capture scored against its reference: every frame's D², the threshold, and the figures an
/// operator asks for first. <see cref="LeaveOneOut"/> is set when the capture is the reference itself: each frame
/// is then scored against the other n − 1, with the threshold for n − 1, so its alarms are honest false alarms.
/// </summary>
public sealed class SessionScore
{
    internal SessionScore(VantageSessionKey session, ReferenceModel reference, double threshold, bool leaveOneOut, IReadOnlyList<ScoredFrame> frames, long onsetTick)
    {
        Session = session;
        Reference = reference;
        Threshold = threshold;
        LeaveOneOut = leaveOneOut;
        Frames = frames;
        OnsetTick = onsetTick;
    }

    /// <summary>The session scored.</summary>
    public VantageSessionKey Session { get; }

    /// <summary>The reference model the frames were scored against.</summary>
    public ReferenceModel Reference { get; }

    /// <summary>The number of reference frames the threshold is for: n, or n − 1 when scored leave-one-out.</summary>
    public long ReferenceCount => Reference.CountScoredAgainst(LeaveOneOut);

    /// <summary>The D² above which a frame raises an alarm (the Hotelling T² critical value).</summary>
    public double Threshold { get; }

    /// <summary>Whether each frame was scored against the reference without itself (the capture is the reference).</summary>
    public bool LeaveOneOut { get; }

    /// <summary>Every frame of the session with its D² and alarm, in capture order.</summary>
    public IReadOnlyList<ScoredFrame> Frames { get; }

    /// <summary>The tick of the regime's first attacked frame when the capture is one of ours (see docs/analysis.md), else -1.</summary>
    public long OnsetTick { get; }

    /// <summary>Frames whose D² exceeded <see cref="Threshold"/>.</summary>
    public long Alarms => Frames.Count(f => f.Alarm);

    /// <summary>The tick of the first alarm; null when there is none.</summary>
    public long? FirstAlarmTick => Frames.Where(f => f.Alarm).Select(f => (long?)f.Frame.Tick).FirstOrDefault();

    /// <summary>Alarms on frames before the attack's onset (all alarms when there is no onset): false alarms.</summary>
    public long AlarmsBeforeOnset => Frames.Count(f => f.Alarm && (OnsetTick < 0 || f.Frame.Tick < OnsetTick));

    /// <summary>Ticks from the onset to the first alarm at or after it; null without an onset or an alarm after it.</summary>
    public long? DetectionDelayTicks =>
        OnsetTick < 0 ? null : Frames.Where(f => f.Alarm && f.Frame.Tick >= OnsetTick).Select(f => (long?)(f.Frame.Tick - OnsetTick)).FirstOrDefault();

    /// <summary>The frame with the largest D²; null for a session without frames.</summary>
    public ScoredFrame? Max => Frames.Count == 0 ? null : Frames.Aggregate((best, f) => f.DistanceSquared > best.DistanceSquared ? f : best);
}
