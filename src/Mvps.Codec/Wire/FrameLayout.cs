namespace Mvps.Codec.Wire;

/// <summary>
/// Every offset of the 110-byte MVPS Coherence-BFD frame, each derived from the field before it and that field's
/// length in <see cref="FieldLengths"/> (as System.Formats.Tar derives its locations), so changing one length moves
/// every field after it. <see cref="PacketLayout"/> takes the Ethernet, IPv4, UDP and BFD header offsets from here.
/// See docs/wire-format.md for the normative table and why the seed's "32-byte BFD V3 header" is read as 24 + 8.
/// </summary>
public static class FieldLocations
{
    /// <summary>Destination MAC address (6 bytes).</summary>
    public const int EthernetDestination = 0;
    /// <summary>Source MAC address (6 bytes).</summary>
    public const int EthernetSource = EthernetDestination + FieldLengths.EthernetDestination;
    /// <summary>EtherType (2 bytes, big-endian).</summary>
    public const int EtherType = EthernetSource + FieldLengths.EthernetSource;

    /// <summary>Start of the 20-byte IPv4 header.</summary>
    public const int Ipv4 = EtherType + FieldLengths.EtherType;
    /// <summary>IPv4 version and header length (1 byte).</summary>
    public const int Ipv4VersionIhl = Ipv4;
    /// <summary>IPv4 type of service / DSCP (1 byte).</summary>
    public const int Ipv4Tos = Ipv4VersionIhl + FieldLengths.Ipv4VersionIhl;
    /// <summary>IPv4 total length (2 bytes, big-endian).</summary>
    public const int Ipv4TotalLength = Ipv4Tos + FieldLengths.Ipv4Tos;
    /// <summary>IPv4 identification (2 bytes, big-endian): the low 16 bits of the tick.</summary>
    public const int Ipv4Identification = Ipv4TotalLength + FieldLengths.Ipv4TotalLength;
    /// <summary>IPv4 flags and fragment offset (2 bytes, big-endian).</summary>
    public const int Ipv4FlagsFragment = Ipv4Identification + FieldLengths.Ipv4Identification;
    /// <summary>IPv4 TTL (1 byte).</summary>
    public const int Ipv4Ttl = Ipv4FlagsFragment + FieldLengths.Ipv4FlagsFragment;
    /// <summary>IPv4 protocol (1 byte).</summary>
    public const int Ipv4Protocol = Ipv4Ttl + FieldLengths.Ipv4Ttl;
    /// <summary>IPv4 header checksum (2 bytes, big-endian).</summary>
    public const int Ipv4Checksum = Ipv4Protocol + FieldLengths.Ipv4Protocol;
    /// <summary>IPv4 source address (4 bytes).</summary>
    public const int Ipv4Source = Ipv4Checksum + FieldLengths.Ipv4Checksum;
    /// <summary>IPv4 destination address (4 bytes).</summary>
    public const int Ipv4Destination = Ipv4Source + FieldLengths.Ipv4Source;

    /// <summary>Start of the 8-byte UDP header.</summary>
    public const int Udp = Ipv4Destination + FieldLengths.Ipv4Destination;
    /// <summary>UDP source port (2 bytes, big-endian).</summary>
    public const int UdpSourcePort = Udp;
    /// <summary>UDP destination port (2 bytes, big-endian).</summary>
    public const int UdpDestinationPort = UdpSourcePort + FieldLengths.UdpSourcePort;
    /// <summary>UDP length (2 bytes, big-endian).</summary>
    public const int UdpLength = UdpDestinationPort + FieldLengths.UdpDestinationPort;
    /// <summary>UDP checksum (2 bytes, big-endian).</summary>
    public const int UdpChecksum = UdpLength + FieldLengths.UdpLength;

    /// <summary>Start of the UDP payload: the BFD Control packet.</summary>
    public const int Bfd = UdpChecksum + FieldLengths.UdpChecksum;
    /// <summary>BFD version (high 3 bits) and diagnostic (low 5 bits), 1 byte.</summary>
    public const int BfdVersionDiag = Bfd;
    /// <summary>BFD state (high 2 bits) and flags (low 6 bits), 1 byte.</summary>
    public const int BfdStateFlags = BfdVersionDiag + FieldLengths.BfdVersionDiag;
    /// <summary>BFD Detect Mult (1 byte).</summary>
    public const int BfdDetectMultiplier = BfdStateFlags + FieldLengths.BfdStateFlags;
    /// <summary>BFD Length (1 byte).</summary>
    public const int BfdLength = BfdDetectMultiplier + FieldLengths.BfdDetectMultiplier;
    /// <summary>BFD My Discriminator (4 bytes, big-endian).</summary>
    public const int BfdMyDiscriminator = BfdLength + FieldLengths.BfdLength;
    /// <summary>BFD Your Discriminator (4 bytes, big-endian).</summary>
    public const int BfdYourDiscriminator = BfdMyDiscriminator + FieldLengths.BfdMyDiscriminator;
    /// <summary>BFD Desired Min TX Interval in microseconds (4 bytes, big-endian).</summary>
    public const int BfdDesiredMinTx = BfdYourDiscriminator + FieldLengths.BfdYourDiscriminator;
    /// <summary>BFD Required Min RX Interval in microseconds (4 bytes, big-endian).</summary>
    public const int BfdRequiredMinRx = BfdDesiredMinTx + FieldLengths.BfdDesiredMinTx;
    /// <summary>BFD Required Min Echo RX Interval in microseconds (4 bytes, big-endian).</summary>
    public const int BfdRequiredMinEchoRx = BfdRequiredMinRx + FieldLengths.BfdRequiredMinRx;

    /// <summary>The MVPS sub-header that follows the BFD packet's mandatory section.</summary>
    public const int ExtensionVersion = BfdRequiredMinEchoRx + FieldLengths.BfdRequiredMinEchoRx;
    /// <summary>MVPS sub-header flags (1 byte): the alarm bit, the rest reserved.</summary>
    public const int ExtensionFlags = ExtensionVersion + FieldLengths.ExtensionVersion;
    /// <summary>Vantage id (2 bytes, big-endian): which measuring point sent the frame.</summary>
    public const int VantageId = ExtensionFlags + FieldLengths.ExtensionFlags;
    /// <summary>Lattice period in microseconds (4 bytes, big-endian).</summary>
    public const int LatticePeriod = VantageId + FieldLengths.VantageId;

    /// <summary>Magic "COHE" (4 bytes).</summary>
    public const int Magic = LatticePeriod + FieldLengths.LatticePeriod;
    /// <summary>Tick: the lattice period index (4 bytes, big-endian).</summary>
    public const int Tick = Magic + FieldLengths.Magic;
    /// <summary>Phase offset in nanoseconds (4 bytes, big-endian, signed).</summary>
    public const int Phi = Tick + FieldLengths.Tick;
    /// <summary>Coherence C1 (4 bytes, IEEE 754 single, big-endian).</summary>
    public const int C1 = Phi + FieldLengths.Phi;
    /// <summary>Coherence C2 (4 bytes, IEEE 754 single, big-endian).</summary>
    public const int C2 = C1 + FieldLengths.C1;
    /// <summary>Coherence C3 (4 bytes, IEEE 754 single, big-endian).</summary>
    public const int C3 = C2 + FieldLengths.C2;
    /// <summary>HMAC-SHA256 tag truncated to 12 bytes.</summary>
    public const int Tag = C3 + FieldLengths.C3;
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

/// <summary>
/// The length of every field of the frame, under the name of its location in <see cref="FieldLocations"/> (so
/// <see cref="BfdLength"/> is the one-byte BFD Length field, not its value), then the lengths of whole headers
/// and sections, which are spans between locations.
/// </summary>
public static class FieldLengths
{
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.EthernetDestination"/>.</summary>
    public const int EthernetDestination = 6;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.EthernetSource"/>.</summary>
    public const int EthernetSource = 6;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.EtherType"/>.</summary>
    public const int EtherType = 2;

    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Ipv4VersionIhl"/>.</summary>
    public const int Ipv4VersionIhl = 1;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Ipv4Tos"/>.</summary>
    public const int Ipv4Tos = 1;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Ipv4TotalLength"/>.</summary>
    public const int Ipv4TotalLength = 2;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Ipv4Identification"/>.</summary>
    public const int Ipv4Identification = 2;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Ipv4FlagsFragment"/>.</summary>
    public const int Ipv4FlagsFragment = 2;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Ipv4Ttl"/>.</summary>
    public const int Ipv4Ttl = 1;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Ipv4Protocol"/>.</summary>
    public const int Ipv4Protocol = 1;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Ipv4Checksum"/>.</summary>
    public const int Ipv4Checksum = 2;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Ipv4Source"/>.</summary>
    public const int Ipv4Source = 4;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Ipv4Destination"/>.</summary>
    public const int Ipv4Destination = 4;

    /// <summary>Length in bytes of the field at <see cref="FieldLocations.UdpSourcePort"/>.</summary>
    public const int UdpSourcePort = 2;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.UdpDestinationPort"/>.</summary>
    public const int UdpDestinationPort = 2;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.UdpLength"/>.</summary>
    public const int UdpLength = 2;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.UdpChecksum"/>.</summary>
    public const int UdpChecksum = 2;

    /// <summary>Length in bytes of the field at <see cref="FieldLocations.BfdVersionDiag"/>.</summary>
    public const int BfdVersionDiag = 1;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.BfdStateFlags"/>.</summary>
    public const int BfdStateFlags = 1;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.BfdDetectMultiplier"/>.</summary>
    public const int BfdDetectMultiplier = 1;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.BfdLength"/>.</summary>
    public const int BfdLength = 1;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.BfdMyDiscriminator"/>.</summary>
    public const int BfdMyDiscriminator = 4;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.BfdYourDiscriminator"/>.</summary>
    public const int BfdYourDiscriminator = 4;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.BfdDesiredMinTx"/>.</summary>
    public const int BfdDesiredMinTx = 4;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.BfdRequiredMinRx"/>.</summary>
    public const int BfdRequiredMinRx = 4;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.BfdRequiredMinEchoRx"/>.</summary>
    public const int BfdRequiredMinEchoRx = 4;

    /// <summary>Length in bytes of the field at <see cref="FieldLocations.ExtensionVersion"/>.</summary>
    public const int ExtensionVersion = 1;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.ExtensionFlags"/>.</summary>
    public const int ExtensionFlags = 1;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.VantageId"/>.</summary>
    public const int VantageId = 2;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.LatticePeriod"/>.</summary>
    public const int LatticePeriod = 4;

    /// <summary>Length of the magic.</summary>
    public const int Magic = 4;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Tick"/>.</summary>
    public const int Tick = 4;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.Phi"/>.</summary>
    public const int Phi = 4;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.C1"/>.</summary>
    public const int C1 = 4;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.C2"/>.</summary>
    public const int C2 = 4;
    /// <summary>Length in bytes of the field at <see cref="FieldLocations.C3"/>.</summary>
    public const int C3 = 4;

    /// <summary>The HMAC-SHA256 tag, truncated to its first 12 bytes.</summary>
    public const int Tag = 12;

    /// <summary>The whole frame as captured: Ethernet, IPv4 and UDP headers and the UDP payload (110 bytes).</summary>
    public const int Frame = FieldLocations.Tag + Tag;
    /// <summary>An Ethernet MAC address.</summary>
    public const int MacAddress = EthernetDestination;
    /// <summary>The Ethernet II header: two addresses and the EtherType (14 bytes).</summary>
    public const int EthernetHeader = FieldLocations.Ipv4 - FieldLocations.EthernetDestination;
    /// <summary>The IPv4 header without options (20 bytes).</summary>
    public const int Ipv4Header = FieldLocations.Udp - FieldLocations.Ipv4;
    /// <summary>An IPv4 address.</summary>
    public const int Ipv4Address = Ipv4Source;
    /// <summary>The UDP header (8 bytes).</summary>
    public const int UdpHeader = FieldLocations.Bfd - FieldLocations.Udp;

    /// <summary>The BFD Control packet's mandatory section (RFC 5880 §4.1): the owner of "24".</summary>
    public const int BfdControl = FieldLocations.ExtensionVersion - FieldLocations.Bfd;

    /// <summary>The MVPS sub-header after the BFD packet: version, flags, vantage id and lattice period (8 bytes).</summary>
    public const int ExtensionHeader = FieldLocations.Magic - FieldLocations.ExtensionVersion;

    /// <summary>UDP payload: BFD packet, sub-header, magic, tick, phi, C1..C3 and tag (68 bytes).</summary>
    public const int UdpPayload = Frame - FieldLocations.Bfd;

    /// <summary>Bytes covered by the HMAC: the UDP payload before the tag (frame bytes 42..97, 56 bytes).</summary>
    public const int Authenticated = FieldLocations.Tag - FieldLocations.Bfd;

    /// <summary>The IPv4 total length of a frame: IPv4 header and everything after it (96).</summary>
    public const int Ipv4Total = Frame - FieldLocations.Ipv4;
    /// <summary>The UDP length of a frame: UDP header and payload (76).</summary>
    public const int UdpTotal = Frame - FieldLocations.Udp;
}
