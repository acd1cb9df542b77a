using Mvps.Codec.Wire;

namespace Mvps.Tool.Send;

/// <summary>What one `mvps send` run did: counts, the session's outcome and the send-time precision reached.</summary>
public sealed class SendSummary
{
    public long PacketsSent { get; set; }

    public long PacketsReceived { get; set; }

    /// <summary>Packets from addresses other than the peer: not ours to judge, ignored.</summary>
    public long PacketsFromOthers { get; set; }

    /// <summary>Peer packets discarded by RFC 5880 §6.8.6, by reason, in the enum's order.</summary>
    public SortedDictionary<PacketVerdict, long> Rejected { get; } = [];

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

    /// <summary>Sum and maximum of |actual send time - scheduled send time| over every packet, in nanoseconds.</summary>
    public long SendErrorSumNs { get; set; }

    public long SendErrorMaxNs { get; set; }

    /// <summary>Timed-out poll(2) waits and how late each woke up (nanoseconds): the OS's own timer precision in this run.</summary>
    public long WakeCount { get; set; }

    public long WakeLatenessSumNs { get; set; }

    public long WakeLatenessMaxNs { get; set; }

    public long WakeLatenessMeanNs => WakeCount == 0 ? 0 : WakeLatenessSumNs / WakeCount;

    public long RejectedTotal => Rejected.Values.Sum();

    public long SendErrorMeanNs => PacketsSent == 0 ? 0 : SendErrorSumNs / PacketsSent;

    public int ExitCode => ReachedUp && RejectedTotal == 0 ? ExitCodes.Ok : ExitCodes.VerificationFailed;
}
