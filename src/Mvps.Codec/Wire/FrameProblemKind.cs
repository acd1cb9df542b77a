namespace Mvps.Codec.Wire;

/// <summary>Everything the decoder can find wrong with a frame.</summary>
public enum FrameProblemKind
{
    Truncated,
    TrailingBytes,
    WrongEtherType,
    NotIpv4,
    Ipv4Options,
    Ipv4Fragment,
    Ipv4TotalLength,
    Ipv4Ttl,
    NotUdp,
    Ipv4Checksum,
    UdpSourcePort,
    UdpDestinationPort,
    UdpLength,
    UdpChecksumAbsent,
    UdpChecksum,
    BfdVersion,
    BfdLength,
    BfdAuthenticationPresent,
    BfdDetectMultiplier,
    BfdMyDiscriminator,
    ExtensionVersion,
    ExtensionReservedFlags,
    Magic,
    TagMismatch,

    /// <summary>Found across frames by the verifier: a tick that does not increase.</summary>
    TickOrder,

    /// <summary>Found by the verifier against a receipt: a frame hash the receipt does not state.</summary>
    ReceiptMismatch,
}
