namespace Mvps.Codec.Wire;

/// <summary>
/// Everything the decoder can find wrong with a frame on its own. What only the verifier finds across frames
/// (tick order, sessions) or against a receipt is worded in Verification, not here.
/// </summary>
public enum FrameProblemKind
{
    /// <summary>Fewer bytes than a frame (or its UDP payload) needs.</summary>
    Truncated,
    /// <summary>More bytes than a frame: the record goes on after the tag.</summary>
    TrailingBytes,
    /// <summary>The EtherType is not IPv4 (0x0800).</summary>
    WrongEtherType,
    /// <summary>The IP version nibble is not 4.</summary>
    NotIpv4,
    /// <summary>The IPv4 header is longer than 20 bytes (IHL above 5): options are not part of the frame.</summary>
    Ipv4Options,
    /// <summary>More-fragments set or a non-zero fragment offset.</summary>
    Ipv4Fragment,
    /// <summary>The IPv4 total length does not match the frame (96).</summary>
    Ipv4TotalLength,
    /// <summary>TTL (or IPv6 hop limit) below 255: single-hop BFD must arrive with 255 (RFC 5881 §5).</summary>
    Ipv4Ttl,
    /// <summary>The IPv4 protocol is not UDP (17).</summary>
    NotUdp,
    /// <summary>The IPv4 header checksum does not hold; a warning in capture mode.</summary>
    Ipv4Checksum,
    /// <summary>The UDP source port is outside 49152..65535 (RFC 5881 §4).</summary>
    UdpSourcePort,
    /// <summary>The UDP destination port is not 3784, single-hop BFD Control.</summary>
    UdpDestinationPort,
    /// <summary>The UDP length does not match the frame (76).</summary>
    UdpLength,
    /// <summary>The UDP checksum is 0 (not computed), which evidence frames never are.</summary>
    UdpChecksumAbsent,
    /// <summary>The UDP checksum does not hold; a warning in capture mode.</summary>
    UdpChecksum,
    /// <summary>The BFD version is not 1.</summary>
    BfdVersion,
    /// <summary>The BFD Length field is not 24: the MVPS extension follows a packet without authentication.</summary>
    BfdLength,
    /// <summary>The A flag is set: MVPS frames carry no BFD authentication section.</summary>
    BfdAuthenticationPresent,
    /// <summary>Detect Mult is 0, which RFC 5880 §6.8.6 discards.</summary>
    BfdDetectMultiplier,
    /// <summary>My Discriminator is 0, which RFC 5880 §6.8.6 discards.</summary>
    BfdMyDiscriminator,
    /// <summary>The MVPS sub-header version is not 3.</summary>
    ExtensionVersion,
    /// <summary>A reserved sub-header flag bit (any but the alarm bit) is set.</summary>
    ExtensionReservedFlags,
    /// <summary>The magic is not "COHE" (0x434F4845).</summary>
    Magic,
    /// <summary>The 12-byte HMAC-SHA256 tag does not match the payload under the key given.</summary>
    TagMismatch,
}
