namespace Mvps.Codec.Wire;

/// <summary>
/// Everything the decoder can find wrong with a frame on its own. What only the verifier finds across frames
/// (tick order, sessions) or against a receipt is worded in Verification, not here.
/// </summary>
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
}
