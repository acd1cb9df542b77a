using System.Buffers.Binary;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Wire;

/// <summary>The evidence frame's payload in the other encapsulations real captures use, with correct checksums.</summary>
internal static class TestPackets
{
    public static byte[] Frame => TestFrames.Encode(TestFrames.Sample);

    public static byte[] Payload => Frame[FieldLocations.Bfd..];

    public static byte[] Ipv4Packet => Frame[FieldLengths.EthernetHeader..];

    public static byte[] WithVlanTags(byte[] frame, params ushort[] tpidAndIds)
    {
        var tagged = new List<byte>(frame[..12]);
        for (var i = 0; i < tpidAndIds.Length; i += 2)
        {
            tagged.AddRange([(byte)(tpidAndIds[i] >> 8), (byte)tpidAndIds[i], (byte)(tpidAndIds[i + 1] >> 8), (byte)tpidAndIds[i + 1]]);
        }

        tagged.AddRange(frame[12..]);
        return [.. tagged];
    }

    /// <summary>An IPv6 packet carrying <paramref name="payload"/> over UDP, after optional extension headers (each 8 bytes).</summary>
    public static byte[] Ipv6Packet(byte[] payload, byte hopLimit = 255, ushort destinationPort = 3784, params byte[][] extensionHeaders)
    {
        var extensions = extensionHeaders.Sum(h => h.Length);
        var packet = new byte[40 + extensions + 8 + payload.Length];
        packet[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), (ushort)(extensions + 8 + payload.Length));
        packet[6] = extensionHeaders.Length == 0 ? (byte)17 : extensionHeaders[0][0] == 255 ? (byte)0 : extensionHeaders[0][0];
        packet[7] = hopLimit;
        byte[] source = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10];
        byte[] destination = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20];
        source.CopyTo(packet, 8);
        destination.CopyTo(packet, 24);
        var at = 40;
        foreach (var header in extensionHeaders)
        {
            header.CopyTo(packet, at);
            at += header.Length;
        }

        var udp = at;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(udp), 49152);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(udp + 2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(udp + 4), (ushort)(8 + payload.Length));
        payload.CopyTo(packet, udp + 8);
        var sum = InternetChecksum.Add(0, packet.AsSpan(8, 32)) + 17 + (uint)(8 + payload.Length);
        var checksum = InternetChecksum.Finish(InternetChecksum.Add(sum, packet.AsSpan(udp)));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(udp + 6), checksum == 0 ? (ushort)0xFFFF : checksum);
        return packet;
    }

    /// <summary>An extension header: next header, length 0 (8 bytes), padding.</summary>
    public static byte[] Extension(byte nextHeader) => [nextHeader, 0, 1, 4, 0, 0, 0, 0];

    public static byte[] Ethernet(ushort etherType, byte[] packet) =>
        [.. Frame[..12], (byte)(etherType >> 8), (byte)etherType, .. packet];
}
