namespace Mvps.Codec.Wire;

/// <summary>
/// Every offset of the 110-byte MVPS Coherence-BFD frame, each derived from the field before it and that field's
/// length in <see cref="FieldLengths"/> (as System.Formats.Tar derives its locations), so changing one length moves
/// every field after it. <see cref="PacketLayout"/> takes the Ethernet, IPv4, UDP and BFD header offsets from here.
/// See docs/wire-format.md for the normative table and why the seed's "32-byte BFD V3 header" is read as 24 + 8.
/// </summary>
public static class FieldLocations
{
    public const int EthernetDestination = 0;
    public const int EthernetSource = EthernetDestination + FieldLengths.EthernetDestination;
    public const int EtherType = EthernetSource + FieldLengths.EthernetSource;

    public const int Ipv4 = EtherType + FieldLengths.EtherType;
    public const int Ipv4VersionIhl = Ipv4;
    public const int Ipv4Tos = Ipv4VersionIhl + FieldLengths.Ipv4VersionIhl;
    public const int Ipv4TotalLength = Ipv4Tos + FieldLengths.Ipv4Tos;
    public const int Ipv4Identification = Ipv4TotalLength + FieldLengths.Ipv4TotalLength;
    public const int Ipv4FlagsFragment = Ipv4Identification + FieldLengths.Ipv4Identification;
    public const int Ipv4Ttl = Ipv4FlagsFragment + FieldLengths.Ipv4FlagsFragment;
    public const int Ipv4Protocol = Ipv4Ttl + FieldLengths.Ipv4Ttl;
    public const int Ipv4Checksum = Ipv4Protocol + FieldLengths.Ipv4Protocol;
    public const int Ipv4Source = Ipv4Checksum + FieldLengths.Ipv4Checksum;
    public const int Ipv4Destination = Ipv4Source + FieldLengths.Ipv4Source;

    public const int Udp = Ipv4Destination + FieldLengths.Ipv4Destination;
    public const int UdpSourcePort = Udp;
    public const int UdpDestinationPort = UdpSourcePort + FieldLengths.UdpSourcePort;
    public const int UdpLength = UdpDestinationPort + FieldLengths.UdpDestinationPort;
    public const int UdpChecksum = UdpLength + FieldLengths.UdpLength;

    /// <summary>Start of the UDP payload: the BFD Control packet.</summary>
    public const int Bfd = UdpChecksum + FieldLengths.UdpChecksum;
    public const int BfdVersionDiag = Bfd;
    public const int BfdStateFlags = BfdVersionDiag + FieldLengths.BfdVersionDiag;
    public const int BfdDetectMultiplier = BfdStateFlags + FieldLengths.BfdStateFlags;
    public const int BfdLength = BfdDetectMultiplier + FieldLengths.BfdDetectMultiplier;
    public const int BfdMyDiscriminator = BfdLength + FieldLengths.BfdLength;
    public const int BfdYourDiscriminator = BfdMyDiscriminator + FieldLengths.BfdMyDiscriminator;
    public const int BfdDesiredMinTx = BfdYourDiscriminator + FieldLengths.BfdYourDiscriminator;
    public const int BfdRequiredMinRx = BfdDesiredMinTx + FieldLengths.BfdDesiredMinTx;
    public const int BfdRequiredMinEchoRx = BfdRequiredMinRx + FieldLengths.BfdRequiredMinRx;

    /// <summary>The MVPS sub-header that follows the BFD packet's mandatory section.</summary>
    public const int ExtensionVersion = BfdRequiredMinEchoRx + FieldLengths.BfdRequiredMinEchoRx;
    public const int ExtensionFlags = ExtensionVersion + FieldLengths.ExtensionVersion;
    public const int VantageId = ExtensionFlags + FieldLengths.ExtensionFlags;
    public const int LatticePeriod = VantageId + FieldLengths.VantageId;

    public const int Magic = LatticePeriod + FieldLengths.LatticePeriod;
    public const int Tick = Magic + FieldLengths.Magic;
    public const int Phi = Tick + FieldLengths.Tick;
    public const int C1 = Phi + FieldLengths.Phi;
    public const int C2 = C1 + FieldLengths.C1;
    public const int C3 = C2 + FieldLengths.C2;
    public const int Tag = C3 + FieldLengths.C3;
}

/// <summary>
/// The same fields as offsets within the UDP payload (the BFD Control packet and what follows), however the
/// payload is encapsulated: capture mode finds the payload through <see cref="PacketDissector"/>.
/// </summary>
public static class PayloadLocations
{
    public const int BfdVersionDiag = FieldLocations.BfdVersionDiag - FieldLocations.Bfd;
    public const int BfdStateFlags = FieldLocations.BfdStateFlags - FieldLocations.Bfd;
    public const int BfdDetectMultiplier = FieldLocations.BfdDetectMultiplier - FieldLocations.Bfd;
    public const int BfdLength = FieldLocations.BfdLength - FieldLocations.Bfd;
    public const int BfdMyDiscriminator = FieldLocations.BfdMyDiscriminator - FieldLocations.Bfd;
    public const int BfdYourDiscriminator = FieldLocations.BfdYourDiscriminator - FieldLocations.Bfd;
    public const int BfdDesiredMinTx = FieldLocations.BfdDesiredMinTx - FieldLocations.Bfd;
    public const int BfdRequiredMinRx = FieldLocations.BfdRequiredMinRx - FieldLocations.Bfd;
    public const int BfdRequiredMinEchoRx = FieldLocations.BfdRequiredMinEchoRx - FieldLocations.Bfd;
    public const int ExtensionVersion = FieldLocations.ExtensionVersion - FieldLocations.Bfd;
    public const int ExtensionFlags = FieldLocations.ExtensionFlags - FieldLocations.Bfd;
    public const int VantageId = FieldLocations.VantageId - FieldLocations.Bfd;
    public const int LatticePeriod = FieldLocations.LatticePeriod - FieldLocations.Bfd;
    public const int Magic = FieldLocations.Magic - FieldLocations.Bfd;
    public const int Tick = FieldLocations.Tick - FieldLocations.Bfd;
    public const int Phi = FieldLocations.Phi - FieldLocations.Bfd;
    public const int C1 = FieldLocations.C1 - FieldLocations.Bfd;
    public const int C2 = FieldLocations.C2 - FieldLocations.Bfd;
    public const int C3 = FieldLocations.C3 - FieldLocations.Bfd;
    public const int Tag = FieldLocations.Tag - FieldLocations.Bfd;
}

/// <summary>
/// The length of every field of the frame, under the name of its location in <see cref="FieldLocations"/> (so
/// <see cref="BfdLength"/> is the one-byte BFD Length field, not its value), then the lengths of whole headers
/// and sections, which are spans between locations.
/// </summary>
public static class FieldLengths
{
    public const int EthernetDestination = 6;
    public const int EthernetSource = 6;
    public const int EtherType = 2;

    public const int Ipv4VersionIhl = 1;
    public const int Ipv4Tos = 1;
    public const int Ipv4TotalLength = 2;
    public const int Ipv4Identification = 2;
    public const int Ipv4FlagsFragment = 2;
    public const int Ipv4Ttl = 1;
    public const int Ipv4Protocol = 1;
    public const int Ipv4Checksum = 2;
    public const int Ipv4Source = 4;
    public const int Ipv4Destination = 4;

    public const int UdpSourcePort = 2;
    public const int UdpDestinationPort = 2;
    public const int UdpLength = 2;
    public const int UdpChecksum = 2;

    public const int BfdVersionDiag = 1;
    public const int BfdStateFlags = 1;
    public const int BfdDetectMultiplier = 1;
    public const int BfdLength = 1;
    public const int BfdMyDiscriminator = 4;
    public const int BfdYourDiscriminator = 4;
    public const int BfdDesiredMinTx = 4;
    public const int BfdRequiredMinRx = 4;
    public const int BfdRequiredMinEchoRx = 4;

    public const int ExtensionVersion = 1;
    public const int ExtensionFlags = 1;
    public const int VantageId = 2;
    public const int LatticePeriod = 4;

    public const int Magic = 4;
    public const int Tick = 4;
    public const int Phi = 4;
    public const int C1 = 4;
    public const int C2 = 4;
    public const int C3 = 4;

    /// <summary>The HMAC-SHA256 tag, truncated to its first 12 bytes.</summary>
    public const int Tag = 12;

    public const int Frame = FieldLocations.Tag + Tag;
    public const int MacAddress = EthernetDestination;
    public const int EthernetHeader = FieldLocations.Ipv4 - FieldLocations.EthernetDestination;
    public const int Ipv4Header = FieldLocations.Udp - FieldLocations.Ipv4;
    public const int Ipv4Address = Ipv4Source;
    public const int UdpHeader = FieldLocations.Bfd - FieldLocations.Udp;

    /// <summary>The BFD Control packet's mandatory section (RFC 5880 §4.1): the owner of "24".</summary>
    public const int BfdControl = FieldLocations.ExtensionVersion - FieldLocations.Bfd;

    public const int ExtensionHeader = FieldLocations.Magic - FieldLocations.ExtensionVersion;

    /// <summary>UDP payload: BFD packet, sub-header, magic, tick, phi, C1..C3 and tag (68 bytes).</summary>
    public const int UdpPayload = Frame - FieldLocations.Bfd;

    /// <summary>Bytes covered by the HMAC: the UDP payload before the tag (frame bytes 42..97, 56 bytes).</summary>
    public const int Authenticated = FieldLocations.Tag - FieldLocations.Bfd;

    public const int Ipv4Total = Frame - FieldLocations.Ipv4;
    public const int UdpTotal = Frame - FieldLocations.Udp;
}
