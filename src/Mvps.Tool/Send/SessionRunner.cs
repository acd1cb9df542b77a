using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mvps.Codec.Wire;
using Mvps.Evidence.Regimes;

namespace Mvps.Tool.Send;

/// <summary>
/// Runs one live Coherence-BFD session: the regime gives the tick lattice (its lost ticks are silences), phi
/// (the send-time offset from the tick) and the coherence values; <see cref="BfdSession"/> gives every BFD field.
/// Each regime frame is a transmit opportunity at its tick: it is sent when the negotiated interval allows
/// (or a Final is owed), otherwise held. At the end, or on SIGINT/SIGTERM, the session goes AdminDown and says so
/// on Detect Mult more ticks. Only the timing reads the clock; what goes on the wire comes from the regime and
/// the session.
/// </summary>
internal sealed class SessionRunner : IDisposable
{
    /// <summary>Closer than this to a send time the runner spins instead of sleeping in poll(2) (millisecond granularity, late wake-ups).</summary>
    private const long SpinWindowNs = 1_500_000;

    /// <summary>Discarded datagrams reported one by one per reason; beyond that a flood is only counted, so output stays bounded.</summary>
    public const int ListedDiscardsPerReason = 10;

    private readonly SendOptions _options;
    private readonly ISendReporter _reporter;
    private readonly BfdSockets _sockets;
    private readonly TtlDatagramReader _reader;
    private readonly IPEndPoint _peer;
    private readonly uint _peerAddress;
    private readonly BfdSessionSettings _settings;
    private readonly BfdSession _session;
    private readonly FrameAuthenticator _authenticator;
    private readonly PeerDatagramFilter _filter;
    private readonly byte[] _frame = new byte[FieldLengths.Frame];
    private readonly SendSummary _summary = new();
    private bool _discardedSinceSend;
    private long _startTimestamp;
    private long _firstTick;
    private int _reportedTransitions;

    public SessionRunner(SendOptions options, ISendReporter reporter, BfdSockets sockets)
    {
        _options = options;
        _reporter = reporter;
        _sockets = sockets;
        // A longer datagram is discarded whole: MSG_TRUNC still tells its length.
        _reader = new TtlDatagramReader(sockets.Receive, new byte[PeerDatagramFilter.MaxDatagramLength]);
        _peer = new IPEndPoint(options.Peer, WireConstants.UdpDestinationPort);
        _peerAddress = BinaryPrimitives.ReadUInt32BigEndian(options.Peer.GetAddressBytes());
        _settings = new BfdSessionSettings(options.MyDiscriminator, RegimeModel.DetectMultiplier, options.LatticeUs, options.LatticeUs);
        _session = new BfdSession(_settings);
        _authenticator = new FrameAuthenticator(options.Key);
        _filter = new PeerDatagramFilter(_session, _authenticator);
    }

    /// <summary>Runs the session once, from its first regime tick to the last AdminDown packet.</summary>
    public SendSummary Run(CancellationToken cancel)
    {
        int tail = _settings.DetectMultiplier;
        var model = new RegimeModel(_options.Regime, _options.Seed, _options.Ticks + (long)tail, scriptedSession: false);

        // Compile the send path before the clock starts, so the first tick is not late by a JIT pass.
        FrameEncoder.Write(new CoherenceFrame(new BfdSession(_settings).NextPacket(), 0, 0, 0, 0, 0, 0, 0, 0, 0), _authenticator, _frame);

#pragma warning disable RS0030 // the live session runs on the real clock: RFC 5880 timers against a real peer
        _startTimestamp = Stopwatch.GetTimestamp();
#pragma warning restore RS0030
        long? lastSentTick = null;
        long previousTick = -1;
        var regimeFrames = 0;
        var adminDownSent = 0;
        while (model.TryNext(out var sample))
        {
            long tick = sample.Fields.Tick;
            if (previousTick < 0)
            {
                _firstTick = tick;
                _summary.FirstTick = tick;
            }
            else
            {
                _summary.LostTicks += tick - previousTick - 1;
            }

            previousTick = tick;
            var dueNs = (tick - _firstTick) * _options.LatticeUs * 1_000L + sample.Fields.PhiNanoseconds;
            var ending = regimeFrames >= _options.Ticks || cancel.IsCancellationRequested;
            if (!ending)
            {
                WaitUntil(dueNs, cancel);
                ending = cancel.IsCancellationRequested;
            }
            else
            {
                WaitUntil(dueNs, CancellationToken.None);
            }

            if (ending)
            {
                _summary.Interrupted |= regimeFrames < _options.Ticks;
                _session.AdministrativelyDown(NowUs());
                ReportTransitions();
                Transmit(sample, dueNs);
                lastSentTick = tick;
                if (++adminDownSent >= tail)
                {
                    break;
                }

                continue;
            }

            regimeFrames++;
            var allowed = lastSentTick is not long last || (tick - last) * _options.LatticeUs >= _session.TransmitIntervalUs;
            if (_session.MayTransmit && (allowed || _session.FinalPending))
            {
                Transmit(sample, dueNs);
                lastSentTick = tick;
            }
            else
            {
                _summary.HeldTicks++;
            }
        }

        _summary.KernelDrops = _reader.KernelDrops();
        _summary.LastTick = lastSentTick ?? _firstTick;
        _summary.FinalState = _session.State;
        _summary.ReachedUp = _session.HasBeenUp;
        _summary.RemoteDiscriminator = _session.RemoteDiscriminator;
        foreach (var transition in _session.Transitions)
        {
            if (transition.LocalState != transition.PreviousLocalState && transition.LocalState == BfdState.Up)
            {
                _summary.UpTransitions++;
            }
            else if (transition.PreviousLocalState == BfdState.Up && transition.LocalState != BfdState.Up)
            {
                _summary.DownTransitions++;
            }
        }

        return _summary;
    }

    /// <summary>The lattice tick a moment of the run falls on, for reports.</summary>
    public long TickAt(long atUs) => _firstTick + atUs / _options.LatticeUs;

    private void Transmit(in FrameSample sample, long dueNs)
    {
        var bfd = _session.NextPacket();
        var fields = sample.Fields with { Bfd = bfd, LatticePeriodUs = _options.LatticeUs };
        FrameEncoder.Write(fields, _authenticator, _frame);
        // The kernel writes Ethernet, IPv4 and UDP headers; the UDP payload is the frame from the BFD packet on.
        var error = NowNs() - dueNs;
        try
        {
            _sockets.Send.SendTo(_frame.AsSpan(FieldLocations.Bfd), SocketFlags.None, _peer);
        }
        catch (SocketException e)
        {
            throw new UsageException($"sending to {_peer}: {e.Message}");
        }

        _summary.PacketsSent++;
        _summary.SendError.Add(error);
        (_discardedSinceSend ? _summary.SendErrorAfterDiscards : _summary.SendErrorQuiet).Add(error);
        _discardedSinceSend = false;
        if ((bfd.Flags & BfdFlags.Final) != 0)
        {
            _summary.FinalsSent++;
        }

        if ((bfd.Flags & BfdFlags.Poll) != 0)
        {
            _summary.PollsSent++;
        }
    }

    /// <summary>
    /// Receives and applies the peer's packets and runs the detection timer until <paramref name="dueNs"/>:
    /// poll(2) while the send time is far, a spin for the last stretch, so phi is honoured to microseconds.
    /// The detection timer is judged only once everything queued was read: under a flood the peer's packet may
    /// wait behind thousands of others, and it arrived in time.
    /// </summary>
    private void WaitUntil(long dueNs, CancellationToken cancel)
    {
        while (true)
        {
            if (Drain(dueNs))
            {
                _session.CheckDetection(NowUs());
            }

            ReportTransitions();
            var remaining = dueNs - NowNs();
            if (remaining <= 0 || cancel.IsCancellationRequested)
            {
                return;
            }

            // poll(2) counts whole milliseconds: sleep that many, spin the rest.
            var pollMs = (remaining - SpinWindowNs) / 1_000_000;
            if (pollMs > 0)
            {
                var timeoutNs = pollMs * 1_000_000;
                var before = NowNs();
                if (!_sockets.Receive.Poll(TimeSpan.FromMilliseconds(pollMs), SelectMode.SelectRead))
                {
                    // A timed-out poll(2): how late the OS woke us is the baseline the spin improves on.
                    var late = Math.Max(0, NowNs() - before - timeoutNs);
                    _summary.WakeLateness.Add(late);
                }
            }
            else
            {
                Thread.SpinWait(50);
            }
        }
    }

    /// <summary>
    /// Reads and judges queued datagrams until none is left (true) or the send time <paramref name="dueNs"/> has
    /// come (false): a flood delays reception, never a send. Allocates nothing per datagram but the few reported.
    /// </summary>
    private bool Drain(long dueNs)
    {
        while (NowNs() < dueNs)
        {
            if (!_reader.TryReceive(out var length, out var address, out var port, out var ttl))
            {
                return true;
            }

            if (address != _peerAddress)
            {
                _summary.PacketsFromOthers++;
                continue;
            }

            _summary.PacketsReceived++;
            var verdict = _filter.Receive(_reader.Buffer, length, ttl, NowUs());
            if (verdict.IsRejection())
            {
                _discardedSinceSend = true;
                var count = _summary.Discarded.Add(verdict);
                if (count <= ListedDiscardsPerReason)
                {
                    _reporter.Rejected(verdict, TtlDatagramReader.EndPoint(address, port), TickAt(NowUs()), count == ListedDiscardsPerReason);
                }
            }
        }

        return false;
    }

    public void Dispose()
    {
        _authenticator.Dispose();
        _reader.Dispose();
    }

    private void ReportTransitions()
    {
        while (_reportedTransitions < _session.Transitions.Count)
        {
            var transition = _session.Transitions[_reportedTransitions++];
            _reporter.Transition(transition, TickAt(transition.AtUs));
        }
    }

#pragma warning disable RS0030 // the live session runs on the real clock: RFC 5880 timers against a real peer
    private long NowNs() => Stopwatch.GetElapsedTime(_startTimestamp).Ticks * 100;

    private long NowUs() => Stopwatch.GetElapsedTime(_startTimestamp).Ticks / 10;
#pragma warning restore RS0030
}
