using System.Buffers.Binary;

namespace Mvps.Codec.Wire;

/// <summary>RFC 1071 one's-complement sum, as used by the IPv4 header and UDP checksums.</summary>
public static class InternetChecksum
{
    /// <summary>Adds the big-endian 16-bit words of <paramref name="data"/> to a running 32-bit sum.</summary>
    public static uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (uint)data[i] << 8;
        }

        return sum;
    }

    /// <summary>Folds the carries and complements: the value to store in a checksum field.</summary>
    public static ushort Finish(uint sum)
    {
        while ((sum >> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }

    public static ushort Compute(ReadOnlySpan<byte> data) => Finish(Add(0, data));

    /// <summary>
    /// UDP checksum over the IPv4 pseudo-header and the UDP header and payload (checksum field included;
    /// pass it as zero to compute, or as sent to verify: a correct datagram then yields 0).
    /// </summary>
    public static ushort ComputeUdp(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> udpDatagram)
    {
        uint sum = Add(0, source);
        sum = Add(sum, destination);
        sum += WireConstants.IpProtocolUdp;
        sum += (uint)udpDatagram.Length;
        return Finish(Add(sum, udpDatagram));
    }
}
