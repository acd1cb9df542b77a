namespace Mvps.Codec.Wire;

/// <summary>Whether a checksum present in a header holds.</summary>
public enum ChecksumState : byte
{
    /// <summary>Not computed: the record is not an MVPS frame, or the header has no checksum (IPv6).</summary>
    NotChecked,
    Valid,
    Mismatch,

    /// <summary>UDP checksum 0 over IPv4: "no checksum" (RFC 768), legal.</summary>
    Absent,
}

/// <summary>
/// What <see cref="PacketDissector"/> found in one record: its class, the encapsulation (link type, VLAN ids),
/// and the offsets of the network header, the addresses, the UDP header and the UDP payload within the record.
/// A value type whose only reference is a literal note, so dissecting allocates nothing.
/// </summary>
public readonly record struct PacketLayers
{
    public RecordClass Class { get; init; }

    public uint LinkType { get; init; }

    /// <summary>EtherType (or SLL protocol) of the network layer; 0 when the link type names it (raw IP, null).</summary>
    public ushort EtherType { get; init; }

    public byte VlanCount { get; init; }

    /// <summary>Outer VLAN id (first tag), when <see cref="VlanCount"/> ≥ 1.</summary>
    public ushort OuterVlanId { get; init; }

    /// <summary>Inner VLAN id (second tag), when <see cref="VlanCount"/> = 2.</summary>
    public ushort InnerVlanId { get; init; }

    /// <summary>Record offset of the IP header; -1 when there is none.</summary>
    public int NetworkOffset { get; init; }

    /// <summary>4 or 6; 0 when not IP.</summary>
    public byte IpVersion { get; init; }

    /// <summary>IPv4 TTL or IPv6 hop limit.</summary>
    public byte HopLimit { get; init; }

    /// <summary>IPv4 protocol or the IPv6 upper-layer next header.</summary>
    public byte IpProtocol { get; init; }

    /// <summary>Record offset of the source address; the destination follows it.</summary>
    public int AddressOffset { get; init; }

    /// <summary>4 (IPv4) or 16 (IPv6).</summary>
    public byte AddressLength { get; init; }

    /// <summary>Record offset of the UDP header; -1 when there is none.</summary>
    public int UdpOffset { get; init; }

    public ushort SourcePort { get; init; }

    public ushort DestinationPort { get; init; }

    /// <summary>Record offset of the UDP payload (the BFD Control packet for BFD ports).</summary>
    public int PayloadOffset { get; init; }

    /// <summary>UDP payload length as the UDP header states it (all of it captured unless the class says truncated).</summary>
    public int PayloadLength { get; init; }

    /// <summary>Captured truncated: the bytes the record holds and the bytes it would need.</summary>
    public int CapturedBytes { get; init; }

    public int NeededBytes { get; init; }

    public ChecksumState Ipv4HeaderChecksum { get; init; }

    public ChecksumState UdpChecksum { get; init; }

    /// <summary>Malformed or not-IP: what exactly (a literal, so nothing is allocated).</summary>
    public string? Note { get; init; }

    public bool HasChecksumWarning => Ipv4HeaderChecksum == ChecksumState.Mismatch || UdpChecksum == ChecksumState.Mismatch;
}
