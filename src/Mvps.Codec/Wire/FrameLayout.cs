namespace Mvps.Codec.Wire;

/// <summary>
/// Every offset and length of the 110-byte MVPS Coherence-BFD frame, in one place.
/// Offsets are absolute frame offsets; <see cref="FieldLengths"/> holds the matching sizes.
/// See docs/wire-format.md for why the seed's "32-byte BFD V3 header" is read as 24 + 8.
/// </summary>
public static class FieldLocations
{
    public const int EthernetDestination = 0;
    public const int EthernetSource = 6;
    public const int EtherType = 12;

    public const int Ipv4 = 14;
    public const int Ipv4VersionIhl = 14;
    public const int Ipv4Tos = 15;
    public const int Ipv4TotalLength = 16;
    public const int Ipv4Identification = 18;
    public const int Ipv4FlagsFragment = 20;
    public const int Ipv4Ttl = 22;
    public const int Ipv4Protocol = 23;
    public const int Ipv4Checksum = 24;
    public const int Ipv4Source = 26;
    public const int Ipv4Destination = 30;

    public const int Udp = 34;
    public const int UdpSourcePort = 34;
    public const int UdpDestinationPort = 36;
    public const int UdpLength = 38;
    public const int UdpChecksum = 40;

    /// <summary>Start of the UDP payload: the BFD Control packet.</summary>
    public const int Bfd = 42;
    public const int BfdVersionDiag = 42;
    public const int BfdStateFlags = 43;
    public const int BfdDetectMultiplier = 44;
    public const int BfdLength = 45;
    public const int BfdMyDiscriminator = 46;
    public const int BfdYourDiscriminator = 50;
    public const int BfdDesiredMinTx = 54;
    public const int BfdRequiredMinRx = 58;
    public const int BfdRequiredMinEchoRx = 62;

    /// <summary>The MVPS sub-header that follows the 24-byte BFD packet.</summary>
    public const int ExtensionVersion = 66;
    public const int ExtensionFlags = 67;
    public const int VantageId = 68;
    public const int LatticePeriod = 70;

    public const int Magic = 74;
    public const int Tick = 78;
    public const int Phi = 82;
    public const int C1 = 86;
    public const int C2 = 90;
    public const int C3 = 94;
    public const int Tag = 98;
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

public static class FieldLengths
{
    public const int Frame = 110;
    public const int MacAddress = 6;
    public const int EthernetHeader = 14;
    public const int Ipv4Header = 20;
    public const int Ipv4Address = 4;
    public const int UdpHeader = 8;
    public const int BfdControl = 24;
    public const int ExtensionHeader = 8;
    public const int Magic = 4;
    public const int Tag = 12;

    /// <summary>UDP payload: BFD packet, sub-header, magic, tick, phi, C1..C3 and tag (68 bytes).</summary>
    public const int UdpPayload = Frame - FieldLocations.Bfd;

    /// <summary>Bytes covered by the HMAC: the UDP payload before the tag (frame bytes 42..97, 56 bytes).</summary>
    public const int Authenticated = FieldLocations.Tag - FieldLocations.Bfd;

    public const int Ipv4Total = Frame - FieldLocations.Ipv4;
    public const int UdpTotal = Frame - FieldLocations.Udp;
}
