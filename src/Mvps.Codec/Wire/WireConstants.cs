namespace Mvps.Codec.Wire;

/// <summary>
/// The fixed values the evidence frame carries: addresses, ports, versions and the magic. Where the value is a
/// protocol's (EtherType, IP protocol, BFD port and Length), it is <see cref="PacketLayout"/>'s or
/// <see cref="FieldLengths"/>' constant under the name of the field that carries it.
/// </summary>
public static class WireConstants
{
    /// <summary>EtherType of IPv4, the only network layer of an MVPS frame.</summary>
    public const ushort EtherTypeIpv4 = PacketLayout.EtherTypes.Ipv4;

    /// <summary>IPv4 version 4 and header length 5 words (20 bytes, no options), as one byte.</summary>
    public const byte Ipv4VersionIhl = 0x45;

    /// <summary>DSCP CS6 (network control), as BFD implementations commonly mark their packets.</summary>
    public const byte Ipv4Tos = 0xC0;

    /// <summary>The DF bit of the IPv4 flags and fragment offset field; set in every frame.</summary>
    public const ushort Ipv4DontFragment = PacketLayout.Ipv4.DontFragment;

    /// <summary>The MF bit of the IPv4 flags and fragment offset field.</summary>
    public const ushort Ipv4MoreFragments = PacketLayout.Ipv4.MoreFragments;

    /// <summary>The fragment offset bits (in 8-byte units) of the IPv4 flags and fragment offset field.</summary>
    public const ushort Ipv4FragmentOffsetMask = PacketLayout.Ipv4.FragmentOffsetMask;

    /// <summary>RFC 5881 §5: single-hop BFD is sent with TTL 255 and checked on receipt (GTSM).</summary>
    public const byte Ipv4Ttl = 255;

    /// <summary>IP protocol number of UDP.</summary>
    public const byte IpProtocolUdp = PacketLayout.Udp.Protocol;

    /// <summary>RFC 5881 §4: the source port is in 49152..65535 (the lowest is sent); the destination is single-hop BFD Control.</summary>
    public const ushort UdpSourcePort = 49152;

    /// <summary>RFC 5881 §4: the UDP destination port of single-hop BFD Control packets.</summary>
    public const ushort UdpDestinationPort = PacketLayout.Udp.BfdSingleHopPort;

    /// <summary>BFD protocol version (RFC 5880 §4.1).</summary>
    public const byte BfdVersion = 1;

    /// <summary>The BFD Length field of a Control packet without authentication: 24 bytes.</summary>
    public const byte BfdLength = FieldLengths.BfdControl;

    /// <summary>The Coherence extension version: the seed's "BFD V3".</summary>
    public const byte ExtensionVersion = 3;

    /// <summary>Sub-header flag: the sender's own coherence alarm. All other flag bits are reserved and zero.</summary>
    public const byte ExtensionFlagAlarm = 0x80;

    /// <summary>The magic after the MVPS sub-header, "COHE" in ASCII, big-endian.</summary>
    public const uint Magic = 0x434F4845; // "COHE"

    /// <summary>02:4d:56:50:53:14 — locally administered ("MVPS" and .20 of the destination).</summary>
    public static ReadOnlySpan<byte> DestinationMac => [0x02, 0x4D, 0x56, 0x50, 0x53, 0x14];

    /// <summary>02:4d:56:50:53:0a — locally administered ("MVPS" and .10 of the source).</summary>
    public static ReadOnlySpan<byte> SourceMac => [0x02, 0x4D, 0x56, 0x50, 0x53, 0x0A];

    /// <summary>203.0.113.10 (TEST-NET-3, RFC 5737).</summary>
    public static ReadOnlySpan<byte> SourceAddress => [203, 0, 113, 10];

    /// <summary>203.0.113.20 (TEST-NET-3, RFC 5737).</summary>
    public static ReadOnlySpan<byte> DestinationAddress => [203, 0, 113, 20];

    /// <summary>The seed's HMAC key: public by design, only so the proof captures can be reproduced.</summary>
    public const string ProofKeyText = "MVPS-shared-secret-deterministic-2026";
}
