using System.Globalization;

namespace Mvps.Codec.Wire;

/// <summary>The frame layout as a table (offset, length, field) for the receipt and the docs; built from <see cref="FieldLocations"/>.</summary>
public static class FrameFieldTable
{
    /// <summary>Each field of the 110-byte frame in order: its absolute offset, length in bytes and a description.</summary>
    public static IReadOnlyList<(int Offset, int Length, string Field)> Rows { get; } =
    [
        (FieldLocations.EthernetDestination, FieldLengths.EthernetHeader, string.Create(CultureInfo.InvariantCulture, $"Ethernet II: dst 02:4d:56:50:53:14, src 02:4d:56:50:53:0a, EtherType 0x{WireConstants.EtherTypeIpv4:x4}")),
        (FieldLocations.Ipv4, FieldLengths.Ipv4Header, "IPv4: IHL 5, TOS 0xc0, total length 96, identification = tick mod 65536, DF, TTL 255, UDP, src 203.0.113.10, dst 203.0.113.20"),
        (FieldLocations.Udp, FieldLengths.UdpHeader, string.Create(CultureInfo.InvariantCulture, $"UDP: src port {WireConstants.UdpSourcePort}, dst port {WireConstants.UdpDestinationPort}, length {FieldLengths.UdpTotal}, checksum")),
        (FieldLocations.Bfd, FieldLengths.BfdControl, string.Create(CultureInfo.InvariantCulture, $"BFD Control (RFC 5880 4.1): version {WireConstants.BfdVersion}, A bit clear, Length {WireConstants.BfdLength}")),
        (FieldLocations.ExtensionVersion, FieldLengths.ExtensionVersion, "MVPS extension version 3"),
        (FieldLocations.ExtensionFlags, FieldLengths.ExtensionFlags, "MVPS flags: 0x80 coherence alarm, other bits zero"),
        (FieldLocations.VantageId, FieldLengths.VantageId, "vantage id, uint16"),
        (FieldLocations.LatticePeriod, FieldLengths.LatticePeriod, "tick lattice period in microseconds, uint32"),
        (FieldLocations.Magic, FieldLengths.Magic, "magic \"COHE\" 0x434f4845"),
        (FieldLocations.Tick, FieldLengths.Tick, "tick id k, uint32"),
        (FieldLocations.Phi, FieldLengths.Phi, "phase residual phi, int32 nanoseconds"),
        (FieldLocations.C1, FieldLengths.C1, "C1 causal axis, float32"),
        (FieldLocations.C2, FieldLengths.C2, "C2 semantic axis, float32"),
        (FieldLocations.C3, FieldLengths.C3, "C3 byzantine axis, float32"),
        (FieldLocations.Tag, FieldLengths.Tag, "HMAC-SHA256 over frame bytes 42..97, first 12 bytes"),
    ];
}
