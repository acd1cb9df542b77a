namespace Mvps.Codec.Wire;

/// <summary>
/// Every offset and length of the 110-byte MVPS Coherence-BFD frame, in one place.
/// Offsets are absolute frame offsets; <see cref="FieldLengths"/> holds the matching sizes.
/// See docs/wire-format.md for why the seed's "32-byte BFD V3 header" is read as 24 + 8.
/// </summary>
public static class FieldLocations
{
    /// <summary>Destination MAC address (6 bytes).</summary>
    public const int EthernetDestination = 0;
    /// <summary>Source MAC address (6 bytes).</summary>
    public const int EthernetSource = 6;
    /// <summary>EtherType (2 bytes, big-endian).</summary>
    public const int EtherType = 12;

    /// <summary>Start of the 20-byte IPv4 header.</summary>
    public const int Ipv4 = 14;
    /// <summary>IPv4 version and header length (1 byte).</summary>
    public const int Ipv4VersionIhl = 14;
    /// <summary>IPv4 type of service / DSCP (1 byte).</summary>
    public const int Ipv4Tos = 15;
    /// <summary>IPv4 total length (2 bytes, big-endian).</summary>
    public const int Ipv4TotalLength = 16;
    /// <summary>IPv4 identification (2 bytes, big-endian): the low 16 bits of the tick.</summary>
    public const int Ipv4Identification = 18;
    /// <summary>IPv4 flags and fragment offset (2 bytes, big-endian).</summary>
    public const int Ipv4FlagsFragment = 20;
    /// <summary>IPv4 TTL (1 byte).</summary>
    public const int Ipv4Ttl = 22;
    /// <summary>IPv4 protocol (1 byte).</summary>
    public const int Ipv4Protocol = 23;
    /// <summary>IPv4 header checksum (2 bytes, big-endian).</summary>
    public const int Ipv4Checksum = 24;
    /// <summary>IPv4 source address (4 bytes).</summary>
    public const int Ipv4Source = 26;
    /// <summary>IPv4 destination address (4 bytes).</summary>
    public const int Ipv4Destination = 30;

    /// <summary>Start of the 8-byte UDP header.</summary>
    public const int Udp = 34;
    /// <summary>UDP source port (2 bytes, big-endian).</summary>
    public const int UdpSourcePort = 34;
    /// <summary>UDP destination port (2 bytes, big-endian).</summary>
    public const int UdpDestinationPort = 36;
    /// <summary>UDP length (2 bytes, big-endian).</summary>
    public const int UdpLength = 38;
    /// <summary>UDP checksum (2 bytes, big-endian).</summary>
    public const int UdpChecksum = 40;

    /// <summary>Start of the UDP payload: the BFD Control packet.</summary>
    public const int Bfd = 42;
    /// <summary>BFD version (high 3 bits) and diagnostic (low 5 bits), 1 byte.</summary>
    public const int BfdVersionDiag = 42;
    /// <summary>BFD state (high 2 bits) and flags (low 6 bits), 1 byte.</summary>
    public const int BfdStateFlags = 43;
    /// <summary>BFD Detect Mult (1 byte).</summary>
    public const int BfdDetectMultiplier = 44;
    /// <summary>BFD Length (1 byte).</summary>
    public const int BfdLength = 45;
    /// <summary>BFD My Discriminator (4 bytes, big-endian).</summary>
    public const int BfdMyDiscriminator = 46;
    /// <summary>BFD Your Discriminator (4 bytes, big-endian).</summary>
    public const int BfdYourDiscriminator = 50;
    /// <summary>BFD Desired Min TX Interval in microseconds (4 bytes, big-endian).</summary>
    public const int BfdDesiredMinTx = 54;
    /// <summary>BFD Required Min RX Interval in microseconds (4 bytes, big-endian).</summary>
    public const int BfdRequiredMinRx = 58;
    /// <summary>BFD Required Min Echo RX Interval in microseconds (4 bytes, big-endian).</summary>
    public const int BfdRequiredMinEchoRx = 62;

    /// <summary>The MVPS sub-header that follows the 24-byte BFD packet.</summary>
    public const int ExtensionVersion = 66;
    /// <summary>MVPS sub-header flags (1 byte): the alarm bit, the rest reserved.</summary>
    public const int ExtensionFlags = 67;
    /// <summary>Vantage id (2 bytes, big-endian): which measuring point sent the frame.</summary>
    public const int VantageId = 68;
    /// <summary>Lattice period in microseconds (4 bytes, big-endian).</summary>
    public const int LatticePeriod = 70;

    /// <summary>Magic "COHE" (4 bytes).</summary>
    public const int Magic = 74;
    /// <summary>Tick: the lattice period index (4 bytes, big-endian).</summary>
    public const int Tick = 78;
    /// <summary>Phase offset in nanoseconds (4 bytes, big-endian, signed).</summary>
    public const int Phi = 82;
    /// <summary>Coherence C1 (4 bytes, IEEE 754 single, big-endian).</summary>
    public const int C1 = 86;
    /// <summary>Coherence C2 (4 bytes, IEEE 754 single, big-endian).</summary>
    public const int C2 = 90;
    /// <summary>Coherence C3 (4 bytes, IEEE 754 single, big-endian).</summary>
    public const int C3 = 94;
    /// <summary>HMAC-SHA256 tag truncated to 12 bytes.</summary>
    public const int Tag = 98;
}

/// <summary>
/// The same fields as offsets within the UDP payload (the BFD Control packet and what follows), however the
/// payload is encapsulated: capture mode finds the payload through <see cref="PacketDissector"/>.
/// </summary>
public static class PayloadLocations
{
    /// <summary>BFD version (high 3 bits) and diagnostic (low 5 bits), 1 byte.</summary>
    public const int BfdVersionDiag = FieldLocations.BfdVersionDiag - FieldLocations.Bfd;
    /// <summary>BFD state (high 2 bits) and flags (low 6 bits), 1 byte.</summary>
    public const int BfdStateFlags = FieldLocations.BfdStateFlags - FieldLocations.Bfd;
    /// <summary>BFD Detect Mult (1 byte).</summary>
    public const int BfdDetectMultiplier = FieldLocations.BfdDetectMultiplier - FieldLocations.Bfd;
    /// <summary>BFD Length (1 byte).</summary>
    public const int BfdLength = FieldLocations.BfdLength - FieldLocations.Bfd;
    /// <summary>BFD My Discriminator (4 bytes, big-endian).</summary>
    public const int BfdMyDiscriminator = FieldLocations.BfdMyDiscriminator - FieldLocations.Bfd;
    /// <summary>BFD Your Discriminator (4 bytes, big-endian).</summary>
    public const int BfdYourDiscriminator = FieldLocations.BfdYourDiscriminator - FieldLocations.Bfd;
    /// <summary>BFD Desired Min TX Interval in microseconds (4 bytes, big-endian).</summary>
    public const int BfdDesiredMinTx = FieldLocations.BfdDesiredMinTx - FieldLocations.Bfd;
    /// <summary>BFD Required Min RX Interval in microseconds (4 bytes, big-endian).</summary>
    public const int BfdRequiredMinRx = FieldLocations.BfdRequiredMinRx - FieldLocations.Bfd;
    /// <summary>BFD Required Min Echo RX Interval in microseconds (4 bytes, big-endian).</summary>
    public const int BfdRequiredMinEchoRx = FieldLocations.BfdRequiredMinEchoRx - FieldLocations.Bfd;
    /// <summary>MVPS sub-header version (1 byte).</summary>
    public const int ExtensionVersion = FieldLocations.ExtensionVersion - FieldLocations.Bfd;
    /// <summary>MVPS sub-header flags (1 byte): the alarm bit, the rest reserved.</summary>
    public const int ExtensionFlags = FieldLocations.ExtensionFlags - FieldLocations.Bfd;
    /// <summary>Vantage id (2 bytes, big-endian): which measuring point sent the frame.</summary>
    public const int VantageId = FieldLocations.VantageId - FieldLocations.Bfd;
    /// <summary>Lattice period in microseconds (4 bytes, big-endian).</summary>
    public const int LatticePeriod = FieldLocations.LatticePeriod - FieldLocations.Bfd;
    /// <summary>Magic "COHE" (4 bytes).</summary>
    public const int Magic = FieldLocations.Magic - FieldLocations.Bfd;
    /// <summary>Tick: the lattice period index (4 bytes, big-endian).</summary>
    public const int Tick = FieldLocations.Tick - FieldLocations.Bfd;
    /// <summary>Phase offset in nanoseconds (4 bytes, big-endian, signed).</summary>
    public const int Phi = FieldLocations.Phi - FieldLocations.Bfd;
    /// <summary>Coherence C1 (4 bytes, IEEE 754 single, big-endian).</summary>
    public const int C1 = FieldLocations.C1 - FieldLocations.Bfd;
    /// <summary>Coherence C2 (4 bytes, IEEE 754 single, big-endian).</summary>
    public const int C2 = FieldLocations.C2 - FieldLocations.Bfd;
    /// <summary>Coherence C3 (4 bytes, IEEE 754 single, big-endian).</summary>
    public const int C3 = FieldLocations.C3 - FieldLocations.Bfd;
    /// <summary>HMAC-SHA256 tag truncated to 12 bytes.</summary>
    public const int Tag = FieldLocations.Tag - FieldLocations.Bfd;
}

/// <summary>Every length, in bytes, of the frame's headers and fields; <see cref="FieldLocations"/> holds their offsets.</summary>
public static class FieldLengths
{
    /// <summary>Length of the whole frame, Ethernet header to tag.</summary>
    public const int Frame = 110;
    /// <summary>Length of a MAC address.</summary>
    public const int MacAddress = 6;
    /// <summary>Length of the Ethernet II header without VLAN tags.</summary>
    public const int EthernetHeader = 14;
    /// <summary>Length of the IPv4 header without options.</summary>
    public const int Ipv4Header = 20;
    /// <summary>Length of an IPv4 address.</summary>
    public const int Ipv4Address = 4;
    /// <summary>Length of the UDP header.</summary>
    public const int UdpHeader = 8;
    /// <summary>Length of the BFD Control packet without authentication.</summary>
    public const int BfdControl = 24;
    /// <summary>Length of the MVPS sub-header: version, flags, vantage id and lattice period.</summary>
    public const int ExtensionHeader = 8;
    /// <summary>Length of the magic.</summary>
    public const int Magic = 4;
    /// <summary>Length of the truncated HMAC-SHA256 tag.</summary>
    public const int Tag = 12;

    /// <summary>UDP payload: BFD packet, sub-header, magic, tick, phi, C1..C3 and tag (68 bytes).</summary>
    public const int UdpPayload = Frame - FieldLocations.Bfd;

    /// <summary>Bytes covered by the HMAC: the UDP payload before the tag (frame bytes 42..97, 56 bytes).</summary>
    public const int Authenticated = FieldLocations.Tag - FieldLocations.Bfd;

    /// <summary>The IPv4 total length of a frame: IPv4 header and everything after it (96).</summary>
    public const int Ipv4Total = Frame - FieldLocations.Ipv4;
    /// <summary>The UDP length of a frame: UDP header and payload (76).</summary>
    public const int UdpTotal = Frame - FieldLocations.Udp;
}
