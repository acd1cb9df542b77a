namespace Mvps.Codec.Wire;

/// <summary>What a capture record is. <see cref="PacketDissector"/> puts every record in exactly one class.</summary>
public enum RecordClass : byte
{
    /// <summary>A BFD Control packet to <see cref="PacketLayout.Udp.BfdSingleHopPort"/> or <see cref="PacketLayout.Udp.BfdMultihopPort"/> with bytes after its BFD Length: the Coherence extension.</summary>
    Mvps,

    /// <summary>A BFD Control packet that ends at its BFD Length: the peer's side of every real session.</summary>
    BfdWithoutExtension,

    /// <summary>A BFD Echo packet (UDP to 3785, RFC 5881 §4): looped back by the peer, its payload is the sender's own.</summary>
    BfdEcho,

    /// <summary>UDP to a port other than BFD's.</summary>
    OtherUdp,
    /// <summary>IP that is not UDP.</summary>
    OtherIp,

    /// <summary>ARP, counted apart from other non-IP traffic because every Ethernet capture has it.</summary>
    Arp,

    /// <summary>A link-layer frame that carries neither IP nor ARP.</summary>
    NotIp,
    /// <summary>A link type the dissector does not read (see <see cref="LinkTypes"/>).</summary>
    UnsupportedLinkType,

    /// <summary>Cut short by the snap length before the headers or the BFD payload end: cannot be verified.</summary>
    CapturedTruncated,

    /// <summary>An IPv4 or IPv6 fragment: not reassembled, so never verified half.</summary>
    Fragment,

    /// <summary>A link, IP, UDP or BFD header whose lengths contradict each other.</summary>
    Malformed,
}

/// <summary>The names the verdict line and `mvps decode` use for each class.</summary>
public static class RecordClasses
{
    /// <summary>Number of classes: the values run from 0 to <c>Count - 1</c>, so counts can live in an array.</summary>
    public const int Count = (int)RecordClass.Malformed + 1;

    /// <summary>The class as words, for verdict lines ("BFD without extension").</summary>
    public static string Name(RecordClass kind) => kind switch
    {
        RecordClass.Mvps => "MVPS",
        RecordClass.BfdWithoutExtension => "BFD without extension",
        RecordClass.BfdEcho => "BFD echo",
        RecordClass.OtherUdp => "other UDP",
        RecordClass.OtherIp => "other IP",
        RecordClass.Arp => "ARP",
        RecordClass.NotIp => "not IP",
        RecordClass.UnsupportedLinkType => "unsupported link type",
        RecordClass.CapturedTruncated => "captured truncated",
        RecordClass.Fragment => "fragment, not reassembled",
        _ => "malformed",
    };

    /// <summary>A short lower-case token for --json and decode lines.</summary>
    public static string Token(RecordClass kind) => kind switch
    {
        RecordClass.Mvps => "mvps",
        RecordClass.BfdWithoutExtension => "bfd",
        RecordClass.BfdEcho => "bfd-echo",
        RecordClass.OtherUdp => "udp",
        RecordClass.OtherIp => "ip",
        RecordClass.Arp => "arp",
        RecordClass.NotIp => "not-ip",
        RecordClass.UnsupportedLinkType => "unsupported-link-type",
        RecordClass.CapturedTruncated => "captured-truncated",
        RecordClass.Fragment => "fragment",
        _ => "malformed",
    };
}
