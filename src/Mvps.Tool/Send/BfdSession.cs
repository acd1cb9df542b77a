using Mvps.Codec.Wire;

namespace Mvps.Tool.Send;

/// <summary>
/// One single-hop RFC 5880 session in Asynchronous mode, without authentication, Demand mode or Echo: the state
/// variables of §6.8.1, the reception rules of §6.8.6, the detection timer of §6.8.4, the timer negotiation of
/// §6.8.2/§6.8.3 with its Poll Sequence (§6.5), and AdminDown (§6.8.16). No sockets and no clock: every call
/// takes the caller's time in microseconds, so the whole machine runs in unit tests. Not thread-safe.
/// </summary>
internal sealed class BfdSession
{
    private readonly BfdSessionSettings _settings;
    private readonly List<SessionTransition> _transitions = [];
    private long _lastValidReceptionUs;
    private uint _remoteDesiredMinTxUs;
    private byte _remoteDetectMultiplier;

    public BfdSession(BfdSessionSettings settings)
    {
        settings.Validate();
        _settings = settings;
        DesiredMinTxIntervalUs = BfdControlPacket.SlowTxIntervalUs;
    }

    public BfdState State { get; private set; } = BfdState.Down;

    public BfdState RemoteState { get; private set; } = BfdState.Down;

    public BfdDiagnostic LocalDiagnostic { get; private set; } = BfdDiagnostic.NoDiagnostic;

    public uint LocalDiscriminator => _settings.MyDiscriminator;

    public uint RemoteDiscriminator { get; private set; }

    public uint DesiredMinTxIntervalUs { get; private set; }

    public uint RequiredMinRxIntervalUs => _settings.RequiredMinRxIntervalUs;

    /// <summary>bfd.RemoteMinRxInterval: initialised to 1 (§6.8.1) until the peer tells us.</summary>
    public uint RemoteMinRxIntervalUs { get; private set; } = 1;

    /// <summary>A Poll Sequence of ours is under way: packets carry P until a packet with F arrives.</summary>
    public bool Polling { get; private set; }

    /// <summary>The peer polled us: the next packet must carry F, sent as soon as practicable (§6.8.7).</summary>
    public bool FinalPending { get; private set; }

    public bool HasBeenUp { get; private set; }

    /// <summary>Every change of local or remote state so far, in order.</summary>
    public IReadOnlyList<SessionTransition> Transitions => _transitions;

    /// <summary>§6.8.7: never transmit faster than the larger of our desired interval and the peer's required one.</summary>
    public long TransmitIntervalUs => Math.Max(DesiredMinTxIntervalUs, RemoteMinRxIntervalUs);

    /// <summary>
    /// §6.8.4, Asynchronous mode: the peer's Detect Mult times the larger of our required receive interval and
    /// the peer's last desired transmit interval; zero before anything was heard.
    /// </summary>
    public long DetectionTimeUs => (long)_remoteDetectMultiplier * Math.Max(_settings.RequiredMinRxIntervalUs, _remoteDesiredMinTxUs);

    /// <summary>
    /// §6.8.7: a peer that asked for a zero receive interval wants nothing from us; otherwise we are an active
    /// system and always transmit.
    /// </summary>
    public bool MayTransmit => RemoteMinRxIntervalUs != 0;

    /// <summary>Applies §6.8.6 to a received BFD Control packet (<paramref name="payload"/> is the whole UDP payload).</summary>
    public PacketVerdict Receive(ReadOnlySpan<byte> payload, long nowUs)
    {
        if (payload.Length < WireConstants.BfdLength)
        {
            return PacketVerdict.Truncated;
        }

        return Receive(ReadControlPacket(payload), payload.Length, nowUs);
    }

    /// <summary>
    /// The §6.8.6 checks of <see cref="Receive(ReadOnlySpan{byte}, long)"/> without acting on the packet: what it
    /// would be rejected for, or <see cref="PacketVerdict.Accepted"/>. Lets a caller add its own checks in between.
    /// </summary>
    public PacketVerdict Validate(ReadOnlySpan<byte> payload) =>
        payload.Length < WireConstants.BfdLength ? PacketVerdict.Truncated : Check(ReadControlPacket(payload), payload.Length);

    /// <summary>Applies §6.8.6 to a decoded packet that arrived in <paramref name="receivedLength"/> bytes.</summary>
    public PacketVerdict Receive(in BfdControlPacket packet, int receivedLength, long nowUs)
    {
        var verdict = Check(packet, receivedLength);
        if (verdict != PacketVerdict.Accepted)
        {
            return verdict;
        }

        var previousRemote = RemoteState;
        RemoteDiscriminator = packet.MyDiscriminator;
        RemoteState = packet.State;
        RemoteMinRxIntervalUs = packet.RequiredMinRxIntervalUs;
        _remoteDesiredMinTxUs = packet.DesiredMinTxIntervalUs;
        _remoteDetectMultiplier = packet.DetectMultiplier;
        _lastValidReceptionUs = nowUs;

        if ((packet.Flags & BfdFlags.Final) != 0 && Polling)
        {
            Polling = false;
        }

        if ((packet.Flags & BfdFlags.Poll) != 0)
        {
            FinalPending = true;
        }

        if (State == BfdState.AdminDown)
        {
            NoteRemoteChange(previousRemote, nowUs);
            return PacketVerdict.IgnoredWhileAdminDown;
        }

        if (packet.State == BfdState.AdminDown)
        {
            if (State != BfdState.Down)
            {
                GoDown(BfdDiagnostic.NeighborSignaledSessionDown, nowUs, "peer signalled AdminDown");
                return PacketVerdict.Accepted;
            }
        }
        else if (State == BfdState.Down)
        {
            if (packet.State == BfdState.Down)
            {
                Enter(BfdState.Init, nowUs, "peer is Down");
                return PacketVerdict.Accepted;
            }

            if (packet.State == BfdState.Init)
            {
                EnterUp(nowUs, "peer is Init");
                return PacketVerdict.Accepted;
            }
        }
        else if (State == BfdState.Init)
        {
            if (packet.State is BfdState.Init or BfdState.Up)
            {
                EnterUp(nowUs, packet.State == BfdState.Up ? "peer is Up" : "peer is Init");
                return PacketVerdict.Accepted;
            }
        }
        else if (packet.State == BfdState.Down)
        {
            GoDown(BfdDiagnostic.NeighborSignaledSessionDown, nowUs, "peer went Down");
            return PacketVerdict.Accepted;
        }

        NoteRemoteChange(previousRemote, nowUs);
        return PacketVerdict.Accepted;
    }

    /// <summary>
    /// §6.8.4: in Init or Up, a Detection Time without a valid packet takes the session Down with diagnostic 1 and
    /// forgets the peer's discriminator. Returns true when it did.
    /// </summary>
    public bool CheckDetection(long nowUs)
    {
        if (State is not (BfdState.Init or BfdState.Up) || DetectionTimeUs == 0 || nowUs - _lastValidReceptionUs <= DetectionTimeUs)
        {
            return false;
        }

        RemoteDiscriminator = 0;
        GoDown(BfdDiagnostic.ControlDetectionTimeExpired, nowUs, "control detection time expired");
        return true;
    }

    /// <summary>§6.8.16: administratively disable the session (diagnostic 7); it then ignores what it receives.</summary>
    public void AdministrativelyDown(long nowUs)
    {
        if (State == BfdState.AdminDown)
        {
            return;
        }

        LocalDiagnostic = BfdDiagnostic.AdministrativelyDown;
        Polling = false;
        DesiredMinTxIntervalUs = BfdControlPacket.SlowTxIntervalUs; // §6.8.3: not Up, so at least one second
        Enter(BfdState.AdminDown, nowUs, "administratively down");
    }

    /// <summary>
    /// The next Control packet to send, per §6.8.7. It answers a pending Poll with F (and then owes nothing);
    /// P and F are never set together, so our own Poll waits for the following packet.
    /// </summary>
    public BfdControlPacket NextPacket()
    {
        var flags = BfdFlags.None;
        if (FinalPending)
        {
            flags |= BfdFlags.Final;
            FinalPending = false;
        }
        else if (Polling)
        {
            flags |= BfdFlags.Poll;
        }

        return new BfdControlPacket(
            Version: WireConstants.BfdVersion,
            Diagnostic: LocalDiagnostic,
            State: State,
            Flags: flags,
            DetectMultiplier: _settings.DetectMultiplier,
            Length: WireConstants.BfdLength,
            MyDiscriminator: _settings.MyDiscriminator,
            YourDiscriminator: RemoteDiscriminator,
            DesiredMinTxIntervalUs: DesiredMinTxIntervalUs,
            RequiredMinRxIntervalUs: _settings.RequiredMinRxIntervalUs,
            RequiredMinEchoRxIntervalUs: 0);
    }

    /// <summary>Reads the mandatory section at the start of a UDP payload, without judging it.</summary>
    public static BfdControlPacket ReadControlPacket(ReadOnlySpan<byte> payload)
    {
        // The frame decoder owns the field layout; a payload sits at the frame's BFD offset.
        Span<byte> frame = stackalloc byte[FieldLengths.Frame];
        payload[..Math.Min(payload.Length, FieldLengths.UdpPayload)].CopyTo(frame[FieldLocations.Bfd..]);
        return FrameDecoder.ReadFields(frame).Bfd;
    }

    /// <summary>§6.8.6, as the codec states it (<see cref="BfdReceptionRules"/>), for this session; the verdicts share their values.</summary>
    private PacketVerdict Check(in BfdControlPacket packet, int receivedLength) =>
        (PacketVerdict)BfdReceptionRules.Check(packet, receivedLength, _settings.MyDiscriminator);

    private void EnterUp(long nowUs, string cause)
    {
        HasBeenUp = true;
        LocalDiagnostic = BfdDiagnostic.NoDiagnostic; // the latest change of state had no fault to report
        Enter(BfdState.Up, nowUs, cause);
        // §6.8.3: the one-second floor no longer applies; a changed interval while Up starts a Poll Sequence.
        if (DesiredMinTxIntervalUs != _settings.DesiredMinTxIntervalUs)
        {
            DesiredMinTxIntervalUs = _settings.DesiredMinTxIntervalUs;
            Polling = true;
        }
    }

    private void GoDown(BfdDiagnostic diagnostic, long nowUs, string cause)
    {
        LocalDiagnostic = diagnostic;
        Polling = false;
        DesiredMinTxIntervalUs = BfdControlPacket.SlowTxIntervalUs;
        Enter(BfdState.Down, nowUs, cause);
    }

    private void Enter(BfdState state, long nowUs, string cause)
    {
        var previous = State;
        State = state;
        _transitions.Add(new SessionTransition(nowUs, previous, state, RemoteState, LocalDiagnostic, LocalDiscriminator, RemoteDiscriminator, cause));
    }

    private void NoteRemoteChange(BfdState previousRemote, long nowUs)
    {
        if (RemoteState != previousRemote)
        {
            _transitions.Add(new SessionTransition(nowUs, State, State, RemoteState, LocalDiagnostic, LocalDiscriminator, RemoteDiscriminator,
                "peer is " + RemoteState));
        }
    }
}
