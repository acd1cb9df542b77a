using Mvps.Codec.Wire;

namespace Mvps.Tool.Send;

/// <summary>What one `mvps send` run did: counts, the session's outcome and the send-time precision reached.</summary>
internal sealed class SendSummary
{
    public long PacketsSent { get; set; }

    public long PacketsReceived { get; set; }

    /// <summary>Packets from addresses other than the peer: not ours to judge, ignored.</summary>
    public long PacketsFromOthers { get; set; }

    /// <summary>Datagrams from the peer's address that were discarded, by reason (<see cref="PeerDatagramFilter"/>).</summary>
    public DiscardCounts Discarded { get; } = new();

    /// <summary>Datagrams the kernel dropped for the receiving socket before we could read them (its receive buffer was full).</summary>
    public long KernelDrops { get; set; }

    public long FinalsSent { get; set; }

    public long PollsSent { get; set; }

    /// <summary>Ticks the regime lost: real silences on the lattice.</summary>
    public long LostTicks { get; set; }

    /// <summary>Regime frames not sent because the negotiated interval did not allow it (the slow rate while not Up).</summary>
    public long HeldTicks { get; set; }

    public long FirstTick { get; set; }

    public long LastTick { get; set; }

    public int UpTransitions { get; set; }

    public int DownTransitions { get; set; }

    public bool Interrupted { get; set; }

    public bool ReachedUp { get; set; }

    public BfdState FinalState { get; set; }

    public uint RemoteDiscriminator { get; set; }

    /// <summary>|actual send time - scheduled send time| over every packet sent.</summary>
    public TimingError SendError { get; } = new();

    /// <summary>The same over the packets sent after datagrams were discarded since the previous send: under a flood.</summary>
    public TimingError SendErrorAfterDiscards { get; } = new();

    /// <summary>The same over the other packets: no discarded datagram since the previous send.</summary>
    public TimingError SendErrorQuiet { get; } = new();

    /// <summary>Timed-out poll(2) waits and how late each woke up: the OS's own timer precision in this run.</summary>
    public TimingError WakeLateness { get; } = new();

    public int ExitCode => ReachedUp && Discarded.Total == 0 ? ExitCodes.Ok : ExitCodes.VerificationFailed;
}
