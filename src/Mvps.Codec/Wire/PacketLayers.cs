namespace Mvps.Codec.Wire;

/// <summary>Whether a checksum present in a header holds.</summary>
public enum ChecksumState : byte
{
    /// <summary>Not computed: the record is not an MVPS frame, or the header has no checksum (IPv6).</summary>
    NotChecked,
    /// <summary>Computed and correct.</summary>
    Valid,
    /// <summary>Computed and wrong: a warning, since offloading NICs capture outgoing packets before the checksum is filled in.</summary>
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
    /// <summary>The class of the record; the other properties are set as far as dissection got.</summary>
    public RecordClass Class { get; init; }

    /// <summary>The record's LINKTYPE_ value, as the capture gave it.</summary>
    public uint LinkType { get; init; }

    /// <summary>EtherType (or SLL protocol) of the network layer; 0 when the link type names it (raw IP, null).</summary>
    public ushort EtherType { get; init; }

    /// <summary>Number of VLAN tags skipped (0, 1 or 2).</summary>
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

    /// <summary>UDP source port, when there is a UDP header.</summary>
    public ushort SourcePort { get; init; }

    /// <summary>UDP destination port, when there is a UDP header.</summary>
    public ushort DestinationPort { get; init; }

    /// <summary>Record offset of the UDP payload (the BFD Control packet for BFD ports).</summary>
    public int PayloadOffset { get; init; }

    /// <summary>UDP payload length as the UDP header states it (all of it captured unless the class says truncated).</summary>
    public int PayloadLength { get; init; }

    /// <summary>Captured truncated: the bytes the record holds and the bytes it would need.</summary>
    public int CapturedBytes { get; init; }

    /// <summary>Captured truncated: the bytes the headers and BFD payload would need.</summary>
    public int NeededBytes { get; init; }

    /// <summary>The IPv4 header checksum, checked for MVPS frames only.</summary>
    public ChecksumState Ipv4HeaderChecksum { get; init; }

    /// <summary>The UDP checksum, checked for MVPS frames only.</summary>
    public ChecksumState UdpChecksum { get; init; }

    /// <summary>Malformed or not-IP: what exactly (a literal, so nothing is allocated).</summary>
    public string? Note { get; init; }

    /// <summary>Whether either checksum was computed and did not hold.</summary>
    public bool HasChecksumWarning => Ipv4HeaderChecksum == ChecksumState.Mismatch || UdpChecksum == ChecksumState.Mismatch;
}
