using System.Buffers.Binary;

namespace Mvps.Codec.Wire;

/// <summary>RFC 1071 one's-complement sum, as used by the IPv4 header and UDP checksums.</summary>
internal static class InternetChecksum
{
    /// <summary>Adds the big-endian 16-bit words of <paramref name="data"/> to a running 32-bit sum.</summary>
    public static uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        var i = 0;
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
        var sum = Add(0, source);
        sum = Add(sum, destination);
        sum += WireConstants.IpProtocolUdp;
        sum += (uint)udpDatagram.Length;
        return Finish(Add(sum, udpDatagram));
    }

    /// <summary>
    /// Whether a checksummed region verifies: <paramref name="first"/> then <paramref name="second"/> (e.g. the
    /// pseudo-header addresses and the UDP datagram), plus <paramref name="bigEndianExtra"/> (pseudo-header words
    /// not in the packet: protocol and UDP length). The fast path for lengths that are multiples of 4 is the
    /// one <see cref="FrameScreen"/> has always used (see <see cref="VerifiesLittleEndian"/>).
    /// </summary>
    public static bool Verifies(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, uint bigEndianExtra)
    {
        if (((first.Length | second.Length) & 3) != 0)
        {
            return Finish(Add(Add(bigEndianExtra, first), second)) == 0;
        }

        return VerifiesLittleEndian(SumLittleEndianWords(first) + SumLittleEndianWords(second) + (256UL * bigEndianExtra));
    }

    /// <summary>
    /// Whether an RFC 1071 sum verifies (folds to 0xFFFF). With 2^16 = 1 (mod 0xFFFF) the fold is the sum mod
    /// 0xFFFF, shown as 0xFFFF unless every word is zero; so it verifies iff the sum is nonzero and divisible
    /// by 0xFFFF. Reading words little-endian multiplies each by 256 mod 0xFFFF, which is invertible, so
    /// divisibility is the same in either byte order and 32-bit words sum like pairs of 16-bit ones.
    /// </summary>
    internal static bool VerifiesLittleEndian(ulong littleEndianSum) => littleEndianSum != 0 && littleEndianSum % 0xFFFF == 0;

    /// <summary>Sum of the 32-bit little-endian words of <paramref name="data"/> (length a multiple of 4).</summary>
    internal static ulong SumLittleEndianWords(ReadOnlySpan<byte> data)
    {
        ulong sum = 0;
        for (var i = 0; i + sizeof(uint) <= data.Length; i += sizeof(uint))
        {
            sum += BinaryPrimitives.ReadUInt32LittleEndian(data[i..]);
        }

        return sum;
    }
}
