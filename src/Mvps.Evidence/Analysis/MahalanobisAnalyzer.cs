using Mvps.Evidence.Regimes;

namespace Mvps.Evidence.Analysis;

/// <summary>
/// Scores captures against a reference capture, session by session: D² per frame, the T² threshold, alarms, and
/// the bundle per tick. A target session is scored against the reference session with the same vantage id and
/// discriminator, or, when the reference holds a single session, against that one.
/// </summary>
public sealed class MahalanobisAnalyzer
{
    private const int P = CoherenceVector.Dimension;

    private readonly SortedDictionary<VantageSessionKey, ReferenceModel> _models = new();

    /// <summary>Builds one reference model (mean and covariance) per session of <paramref name="reference"/>.</summary>
    /// <param name="reference">The healthy capture the others are scored against.</param>
    /// <param name="alpha">The false-alarm rate per frame the thresholds are set for, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not strictly between 0 and 1.</exception>
    /// <exception cref="InvalidDataException">The reference has no frames, or a session too few or degenerate ones.</exception>
    public MahalanobisAnalyzer(CaptureObservations reference, double alpha)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be strictly between 0 and 1");
        }

        Alpha = alpha;
        Reference = reference;
        if (reference.Frames.Count == 0)
        {
            throw new InvalidDataException($"{reference.DisplayName}: no authenticated MVPS frame to build a reference from");
        }

        foreach (var session in reference.Sessions)
        {
            var model = ReferenceModel.TryCreate([.. reference.Of(session).Select(f => f.Vector)], out var problem);
            _models[session] = model ?? throw new InvalidDataException($"{reference.DisplayName}: {session}: {problem}");
        }
    }

    /// <summary>The false-alarm rate per frame the thresholds are set for.</summary>
    public double Alpha { get; }

    /// <summary>The healthy capture the models were built from.</summary>
    public CaptureObservations Reference { get; }

    /// <summary>The reference scored against itself, leave-one-out.</summary>
    public CaptureScore ScoreReference() => Score(Reference, isReference: true);

    /// <summary>Scores every frame of <paramref name="capture"/> against its session's reference model.</summary>
    public CaptureScore Score(CaptureObservations capture) => Score(capture, isReference: false);

    private CaptureScore Score(CaptureObservations capture, bool isReference)
    {
        var sessions = new List<SessionScore>();
        foreach (var session in capture.Sessions)
        {
            var model = ModelFor(session, capture.DisplayName);
            var threshold = HotellingThreshold.Critical(P, model.CountScoredAgainst(isReference), Alpha);
            var frames = capture.Of(session);
            var scored = new List<ScoredFrame>(frames.Count);
            foreach (var frame in frames)
            {
                var d2 = isReference ? model.LeaveOneOutDistanceSquared(frame.Vector) : model.DistanceSquared(frame.Vector);
                scored.Add(new ScoredFrame(frame, d2, d2 > threshold));
            }

            sessions.Add(new SessionScore(session, model, threshold, isReference, scored, OnsetTick(frames)));
        }

        return new CaptureScore(capture.DisplayName, capture.Skipped, isReference, sessions, Bundle(sessions));
    }

    private ReferenceModel ModelFor(VantageSessionKey session, string captureName)
    {
        if (_models.TryGetValue(session, out var model))
        {
            return model;
        }

        if (_models.Count == 1)
        {
            return _models.Values.First();
        }

        throw new InvalidDataException($"{captureName}: {session} has no session in the reference {Reference.DisplayName} to be scored against");
    }

    /// <summary>
    /// A session is "one of ours" from the DDoS regime when its first tick is the regime's first lattice tick; its
    /// onset is then the tick of the frame at the regime's first attacked position (-1 otherwise).
    /// </summary>
    private static long OnsetTick(IReadOnlyList<FrameObservation> frames)
    {
        if (frames.Count == 0 || frames[0].Tick != RegimeProfile.Ddos.FirstTick)
        {
            return -1;
        }

        var index = RegimeProfile.Ddos.FirstAttackedIndex(frames.Count);
        return index < 0 ? -1 : frames[(int)index].Tick;
    }

    /// <summary>
    /// Per tick: the vantages present, their D² sum, and Tippett's joint p-value 1 − (1 − u_min)^m from the exact
    /// per-vantage p-values u, computed as u_min · Σ_{j&lt;m} (1 − u_min)^j so that small values keep their digits.
    /// </summary>
    private IReadOnlyList<BundleTick> Bundle(IReadOnlyList<SessionScore> sessions)
    {
        var ticks = new SortedDictionary<uint, (int Count, int Alarmed, double Sum, double MinP)>();
        foreach (var session in sessions)
        {
            foreach (var frame in session.Frames)
            {
                var u = HotellingThreshold.PValue(frame.DistanceSquared, P, session.ReferenceCount);
                ticks.TryGetValue(frame.Frame.Tick, out var entry);
                ticks[frame.Frame.Tick] = entry.Count == 0
                    ? (1, frame.Alarm ? 1 : 0, frame.DistanceSquared, u)
                    : (entry.Count + 1, entry.Alarmed + (frame.Alarm ? 1 : 0), entry.Sum + frame.DistanceSquared, Math.Min(entry.MinP, u));
            }
        }

        var bundle = new List<BundleTick>(ticks.Count);
        foreach (var (tick, entry) in ticks)
        {
            var q = 1 - entry.MinP;
            double geometric = 0;
            double power = 1;
            for (var j = 0; j < entry.Count; j++)
            {
                geometric += power;
                power *= q;
            }

            var joint = entry.MinP * geometric;
            bundle.Add(new BundleTick(tick, entry.Count, entry.Alarmed, entry.Sum, joint, joint < Alpha));
        }

        return bundle;
    }
}
