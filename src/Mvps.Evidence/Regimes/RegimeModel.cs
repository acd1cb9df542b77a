using Mvps.Codec.Wire;

namespace Mvps.Evidence.Regimes;

/// <summary>
/// Produces the frames of one regime, one at a time, from a seed. Integer arithmetic only, except the
/// final conversion of each coherence value from parts per million to float32 (one IEEE division,
/// correctly rounded everywhere). See docs/regimes.md.
/// </summary>
public sealed class RegimeModel
{
    /// <summary>2026-05-25T00:00:00Z, the seed's date: tick 0 of the lattice. A constant, never the clock.</summary>
    internal const long LatticeEpochSeconds = 1_779_667_200;

    /// <summary>The lattice period: one tick every 100,000 µs.</summary>
    public const uint LatticePeriodUs = 100_000;
    /// <summary>The seed of the published evidence (the seed's date, 2026-05-25).</summary>
    public const ulong DefaultSeed = 20_260_525;
    internal const ushort VantageId = 10;
    /// <summary>BFD My Discriminator of vantage 0, "MVPS" in ASCII.</summary>
    public const uint MyDiscriminator = 0x4D56_5053;   // "MVPS"
    internal const uint PeerDiscriminator = 0x4D56_5054; // "MVPT"
    /// <summary>BFD Detect Mult of every generated frame.</summary>
    public const byte DetectMultiplier = 3;
    internal const uint UpTxIntervalUs = 100_000;

    internal const int AlarmCoherencePpm = 800_000;
    internal const int AlarmPhiNs = 100_000;

    private const int MaxLostTicks = 9;
    private const int PpmPerUnit = 1_000_000;

    private static readonly int[] AxisBasePpm = [992_000, 987_000, 995_000];
    private static readonly int[] AxisDropPerMille = [700, 450, 800];

    private readonly RegimeProfile _profile;
    private readonly long _frameCount;
    private readonly bool _scriptedSession;
    private readonly ushort _vantageId;
    private readonly uint _myDiscriminator;
    private readonly bool _attacked;
    private SplitMix64 _random;
    private long _index;
    private uint _tick;
    private BfdState _state = BfdState.Up;
    private BfdDiagnostic _diagnostic = BfdDiagnostic.NoDiagnostic;

    /// <summary>The single-vantage model of the evidence, with its scripted BFD session.</summary>
    /// <param name="profile">The regime.</param>
    /// <param name="seed">The seed of the random stream; the same seed gives the same frames.</param>
    /// <param name="frameCount">Frames to produce.</param>
    public RegimeModel(RegimeProfile profile, ulong seed, long frameCount)
        : this(profile, seed, frameCount, vantageIndex: 0, scriptedSession: true)
    {
    }

    /// <summary>
    /// With <paramref name="scriptedSession"/> false the model leaves the BFD session to a real state machine
    /// (`mvps send`): it scripts no Down/Init/Up and no slow rate, so each frame is one lattice transmit
    /// opportunity after the regime's lost ticks, with the regime's phi and coherence values. The random stream
    /// is the scripted one for as long as the scripted session stays Up (always, in the baseline).
    /// </summary>
    public RegimeModel(RegimeProfile profile, ulong seed, long frameCount, bool scriptedSession)
        : this(profile, seed, frameCount, vantageIndex: 0, scriptedSession)
    {
    }

    /// <summary>
    /// Vantage <paramref name="vantageIndex"/> of a bundle (docs/analysis.md): vantage id and My Discriminator
    /// offset by the index, its own noise stream, and the regime's attack only where <see cref="VantageBundle.DdosReaches"/>
    /// says so. Vantage 0 is exactly the single-vantage model of the evidence.
    /// </summary>
    public RegimeModel(RegimeProfile profile, ulong seed, long frameCount, int vantageIndex)
        : this(profile, seed, frameCount, vantageIndex, scriptedSession: true)
    {
    }

    private RegimeModel(RegimeProfile profile, ulong seed, long frameCount, int vantageIndex, bool scriptedSession)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameCount);
        ArgumentOutOfRangeException.ThrowIfNegative(vantageIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(vantageIndex, VantageBundle.MaxVantages);
        _scriptedSession = scriptedSession;
        _profile = profile;
        _frameCount = frameCount;
        _vantageId = (ushort)(VantageId + vantageIndex);
        _myDiscriminator = MyDiscriminator + (uint)vantageIndex;
        _attacked = VantageBundle.DdosReaches(vantageIndex);
        _random = new SplitMix64(seed ^ profile.StreamSalt ^ VantageBundle.StreamOffset(vantageIndex));
    }

    /// <summary>The regime the model produces.</summary>
    public RegimeProfile Profile => _profile;

    /// <summary>The number of frames the model produces in all.</summary>
    public long FrameCount => _frameCount;

    /// <summary>Produces the next frame; false once <see cref="FrameCount"/> frames have been produced.</summary>
    public bool TryNext(out FrameSample sample)
    {
        if (_index >= _frameCount)
        {
            sample = default;
            return false;
        }

        var severity = _attacked ? _profile.SeverityPerMille(_index, _frameCount) : 0;
        AdvanceTick(severity);
        // Queueing under attack delays frames (positive bias) and spreads them (wider noise).
        var phi = severity * 400 + _random.Bell(1_500 + severity * 800);

        var c1 = Coherence(0, severity);
        var c2 = Coherence(1, severity);
        var c3 = Coherence(2, severity);
        var alarm = Math.Min(c1, Math.Min(c2, c3)) < AlarmCoherencePpm || Math.Abs(phi) > AlarmPhiNs;

        var bfd = new BfdControlPacket(
            Version: WireConstants.BfdVersion,
            Diagnostic: _diagnostic,
            State: _state,
            Flags: BfdFlags.None,
            DetectMultiplier: DetectMultiplier,
            Length: WireConstants.BfdLength,
            MyDiscriminator: _myDiscriminator,
            YourDiscriminator: _state == BfdState.Down ? 0u : PeerDiscriminator,
            DesiredMinTxIntervalUs: _state == BfdState.Up ? UpTxIntervalUs : BfdControlPacket.SlowTxIntervalUs,
            RequiredMinRxIntervalUs: UpTxIntervalUs,
            RequiredMinEchoRxIntervalUs: 0);

        var fields = new CoherenceFrame(
            bfd,
            WireConstants.ExtensionVersion,
            alarm ? WireConstants.ExtensionFlagAlarm : (byte)0,
            _vantageId,
            LatticePeriodUs,
            _tick,
            phi,
            (float)c1 / PpmPerUnit,
            (float)c2 / PpmPerUnit,
            (float)c3 / PpmPerUnit);

        // The capture sees the frame when it leaves: lattice time of its tick plus its phase residual.
        var microseconds = LatticeEpochSeconds * 1_000_000 + (long)_tick * LatticePeriodUs + FloorDiv(phi, 1_000);
        sample = new FrameSample(microseconds / 1_000_000, (uint)(microseconds % 1_000_000), fields);
        _index++;
        return true;
    }

    /// <summary>
    /// Moves to the tick of the next frame. Under attack ticks are lost; a loss of DetectMultiplier or
    /// more ticks expires the session (Down, diag 1, peer discriminator forgotten), which then recovers
    /// through Init to Up, sending once a second meanwhile.
    /// </summary>
    private void AdvanceTick(int severity)
    {
        if (_index == 0)
        {
            _tick = _profile.FirstTick;
            return;
        }

        var lossPerMille = severity * 6 / 10;
        var lost = 0;
        while (lost < MaxLostTicks && _random.Below(1000) < (uint)lossPerMille)
        {
            lost++;
        }

        var minimumStep = _state == BfdState.Up ? 1 : (int)(BfdControlPacket.SlowTxIntervalUs / LatticePeriodUs);
        var step = Math.Max(lost + 1, minimumStep);
        _tick += (uint)step;
        if (!_scriptedSession)
        {
            return;
        }

        _state = _state switch
        {
            BfdState.Up when step - 1 >= DetectMultiplier => BfdState.Down,
            BfdState.Down => BfdState.Init,
            BfdState.Init => BfdState.Up,
            _ => _state,
        };

        if (_state == BfdState.Down)
        {
            _diagnostic = BfdDiagnostic.ControlDetectionTimeExpired;
        }
    }

    private int Coherence(int axis, int severity)
    {
        var value = AxisBasePpm[axis] - severity * AxisDropPerMille[axis] + _random.Bell(2_000 + severity * 40);
        return Math.Clamp(value, 0, PpmPerUnit);
    }

    private static long FloorDiv(long value, long divisor) => value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}
