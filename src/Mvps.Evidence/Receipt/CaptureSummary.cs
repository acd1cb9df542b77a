using Mvps.Codec.Wire;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// The figures that tell the regimes apart, accumulated frame by frame with exact arithmetic only
/// (minimums, maximums and counts: no means, so nothing depends on summation order or rounding).
/// </summary>
internal sealed class CaptureSummary
{
    private readonly long[] _framesByState = new long[4];
    private uint? _lastTick;
    private long _lastMicroseconds = -1;
    private BfdState _lastState = BfdState.Up;

    public long Frames { get; private set; }
    public uint FirstTick { get; private set; }
    public uint LastTick => _lastTick ?? 0;
    public long LostTicks { get; private set; }
    public long SessionTimeouts { get; private set; }
    public long Alarms { get; private set; }
    public float MinCoherence { get; private set; } = float.PositiveInfinity;
    public float MaxCoherence { get; private set; } = float.NegativeInfinity;
    public long MaxAbsPhiNanoseconds { get; private set; }
    public long MaxGapMicroseconds { get; private set; }

    public long FramesInState(BfdState state) => _framesByState[(int)state & 3];

    public void Add(in CoherenceFrame frame, long timestampMicroseconds)
    {
        if (_lastTick is uint previous && frame.Tick > previous)
        {
            LostTicks += frame.Tick - previous - 1;
        }
        else if (_lastTick is null)
        {
            FirstTick = frame.Tick;
        }

        if (_lastMicroseconds >= 0)
        {
            MaxGapMicroseconds = Math.Max(MaxGapMicroseconds, timestampMicroseconds - _lastMicroseconds);
        }

        if (frame.Bfd.State == BfdState.Down && _lastState == BfdState.Up && frame.Bfd.Diagnostic == BfdDiagnostic.ControlDetectionTimeExpired)
        {
            SessionTimeouts++;
        }

        _framesByState[(int)frame.Bfd.State & 3]++;
        _lastTick = frame.Tick;
        _lastMicroseconds = timestampMicroseconds;
        _lastState = frame.Bfd.State;
        Frames++;
        Alarms += frame.Alarm ? 1 : 0;
        MaxAbsPhiNanoseconds = Math.Max(MaxAbsPhiNanoseconds, Math.Abs((long)frame.PhiNanoseconds));
        foreach (var c in (ReadOnlySpan<float>)[frame.C1, frame.C2, frame.C3])
        {
            MinCoherence = Math.Min(MinCoherence, c);
            MaxCoherence = Math.Max(MaxCoherence, c);
        }
    }
}
