using System.Buffers.Binary;

namespace Mvps.Codec.Wire;

/// <summary>Writes one 110-byte frame: fixed headers, the varying fields, both checksums and the tag.</summary>
public static class FrameEncoder
{
    /// <summary>Writes <paramref name="frame"/> as the 110 bytes sent from 203.0.113.10, the evidence's source.</summary>
    /// <param name="frame">The varying fields.</param>
    /// <param name="authenticator">Computes the tag over the UDP payload.</param>
    /// <param name="destination">At least <see cref="FieldLengths.Frame"/> bytes; the first 110 are written.</param>
    public static void Write(in CoherenceFrame frame, FrameAuthenticator authenticator, Span<byte> destination) =>
        Write(frame, authenticator, destination, WireConstants.SourceAddress[3]);

    /// <summary>
    /// As above, from source 203.0.113.<paramref name="sourceHost"/> with the matching MAC 02:4d:56:50:53:(host):
    /// the vantages of a bundle (Regimes/VantageBundle.cs) send from their own addresses.
    /// </summary>
    public static void Write(in CoherenceFrame frame, FrameAuthenticator authenticator, Span<byte> destination, byte sourceHost)
    {
        if (destination.Length < FieldLengths.Frame)
        {
            throw new ArgumentException($"a frame needs {FieldLengths.Frame} bytes, the destination has {destination.Length}", nameof(destination));
        }

        var d = destination[..FieldLengths.Frame];

        WireConstants.DestinationMac.CopyTo(d[FieldLocations.EthernetDestination..]);
        WireConstants.SourceMac.CopyTo(d[FieldLocations.EthernetSource..]);
        d[FieldLocations.EthernetSource + FieldLengths.MacAddress - 1] = sourceHost;
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.EtherType..], WireConstants.EtherTypeIpv4);

        WriteIpv4Header(frame.Ipv4Identification, sourceHost, d);
        WriteBfd(frame.Bfd, d);

        d[FieldLocations.ExtensionVersion] = frame.ExtensionVersion;
        d[FieldLocations.ExtensionFlags] = frame.ExtensionFlags;
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.VantageId..], frame.VantageId);
        BinaryPrimitives.WriteUInt32BigEndian(d[FieldLocations.LatticePeriod..], frame.LatticePeriodUs);
        BinaryPrimitives.WriteUInt32BigEndian(d[FieldLocations.Magic..], WireConstants.Magic);
        BinaryPrimitives.WriteUInt32BigEndian(d[FieldLocations.Tick..], frame.Tick);
        BinaryPrimitives.WriteInt32BigEndian(d[FieldLocations.Phi..], frame.PhiNanoseconds);
        BinaryPrimitives.WriteSingleBigEndian(d[FieldLocations.C1..], frame.C1);
        BinaryPrimitives.WriteSingleBigEndian(d[FieldLocations.C2..], frame.C2);
        BinaryPrimitives.WriteSingleBigEndian(d[FieldLocations.C3..], frame.C3);

        authenticator.ComputeTag(d, d.Slice(FieldLocations.Tag, FieldLengths.Tag));
        WriteUdpHeader(d);
    }

    private static void WriteIpv4Header(ushort identification, byte sourceHost, Span<byte> d)
    {
        d[FieldLocations.Ipv4VersionIhl] = WireConstants.Ipv4VersionIhl;
        d[FieldLocations.Ipv4Tos] = WireConstants.Ipv4Tos;
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.Ipv4TotalLength..], FieldLengths.Ipv4Total);
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.Ipv4Identification..], identification);
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.Ipv4FlagsFragment..], WireConstants.Ipv4DontFragment);
        d[FieldLocations.Ipv4Ttl] = WireConstants.Ipv4Ttl;
        d[FieldLocations.Ipv4Protocol] = WireConstants.IpProtocolUdp;
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.Ipv4Checksum..], 0);
        WireConstants.SourceAddress.CopyTo(d[FieldLocations.Ipv4Source..]);
        d[FieldLocations.Ipv4Source + FieldLengths.Ipv4Address - 1] = sourceHost;
        WireConstants.DestinationAddress.CopyTo(d[FieldLocations.Ipv4Destination..]);
        var checksum = InternetChecksum.Compute(d.Slice(FieldLocations.Ipv4, FieldLengths.Ipv4Header));
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.Ipv4Checksum..], checksum);
    }

    private static void WriteBfd(in BfdControlPacket bfd, Span<byte> d)
    {
        d[FieldLocations.BfdVersionDiag] = (byte)((bfd.Version << 5) | ((byte)bfd.Diagnostic & 0x1F));
        d[FieldLocations.BfdStateFlags] = (byte)(((byte)bfd.State << 6) | ((byte)bfd.Flags & 0x3F));
        d[FieldLocations.BfdDetectMultiplier] = bfd.DetectMultiplier;
        d[FieldLocations.BfdLength] = bfd.Length;
        BinaryPrimitives.WriteUInt32BigEndian(d[FieldLocations.BfdMyDiscriminator..], bfd.MyDiscriminator);
        BinaryPrimitives.WriteUInt32BigEndian(d[FieldLocations.BfdYourDiscriminator..], bfd.YourDiscriminator);
        BinaryPrimitives.WriteUInt32BigEndian(d[FieldLocations.BfdDesiredMinTx..], bfd.DesiredMinTxIntervalUs);
        BinaryPrimitives.WriteUInt32BigEndian(d[FieldLocations.BfdRequiredMinRx..], bfd.RequiredMinRxIntervalUs);
        BinaryPrimitives.WriteUInt32BigEndian(d[FieldLocations.BfdRequiredMinEchoRx..], bfd.RequiredMinEchoRxIntervalUs);
    }

    /// <summary>Written last: the UDP checksum covers the payload, tag included.</summary>
    private static void WriteUdpHeader(Span<byte> d)
    {
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.UdpSourcePort..], WireConstants.UdpSourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.UdpDestinationPort..], WireConstants.UdpDestinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.UdpLength..], FieldLengths.UdpTotal);
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.UdpChecksum..], 0);
        var checksum = InternetChecksum.ComputeUdp(
            d.Slice(FieldLocations.Ipv4Source, FieldLengths.Ipv4Address),
            d.Slice(FieldLocations.Ipv4Destination, FieldLengths.Ipv4Address),
            d.Slice(FieldLocations.Udp, FieldLengths.UdpTotal));
        // RFC 768: a computed zero is sent as all ones; zero on the wire would mean "no checksum".
        BinaryPrimitives.WriteUInt16BigEndian(d[FieldLocations.UdpChecksum..], checksum == 0 ? (ushort)0xFFFF : checksum);
    }
}
