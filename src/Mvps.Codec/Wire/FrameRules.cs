using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Mvps.Codec.Wire;

/// <summary>
/// The frame's rules, coded once: each is a field, a condition and the <see cref="FrameProblemKind"/> it breaks.
/// <see cref="FrameDecoder"/> and <see cref="FrameScreen"/> run the same functions with a different
/// <see cref="ISink"/>: the decoder's lists every broken rule with its text, the screen's stops at the first. The
/// sinks are structs, so the screen's copy is compiled without the calls. The tag is checked apart (in batches).
/// </summary>
internal static class FrameRules
{
    /// <summary>Told of each broken rule (the field's offset and its value); returns whether to go on checking.</summary>
    internal interface ISink
    {
        bool Broken(FrameProblemKind kind, int offset, uint value);
    }

    /// <summary>Ethernet, IPv4 and UDP headers of the 110-byte evidence layout (strict mode), checksums included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EvidenceHeadersHold<TSink>(ReadOnlySpan<byte> f, ref TSink sink)
        where TSink : struct, ISink
    {
        var held = true;
        var etherType = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.EtherType..]);
        if (etherType != WireConstants.EtherTypeIpv4 && Stop(ref sink, ref held, FrameProblemKind.WrongEtherType, FieldLocations.EtherType, etherType))
        {
            return false;
        }

        var versionIhl = f[FieldLocations.Ipv4VersionIhl];
        if (versionIhl >> 4 != WireConstants.Ipv4VersionIhl >> 4)
        {
            if (Stop(ref sink, ref held, FrameProblemKind.NotIpv4, FieldLocations.Ipv4VersionIhl, versionIhl))
            {
                return false;
            }
        }
        else if (versionIhl != WireConstants.Ipv4VersionIhl && Stop(ref sink, ref held, FrameProblemKind.Ipv4Options, FieldLocations.Ipv4VersionIhl, versionIhl))
        {
            return false;
        }

        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.Ipv4TotalLength..]);
        if (totalLength != FieldLengths.Ipv4Total && Stop(ref sink, ref held, FrameProblemKind.Ipv4TotalLength, FieldLocations.Ipv4TotalLength, totalLength))
        {
            return false;
        }

        var fragment = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.Ipv4FlagsFragment..]);
        if ((fragment & PacketLayout.Ipv4.FragmentBits) != 0 && Stop(ref sink, ref held, FrameProblemKind.Ipv4Fragment, FieldLocations.Ipv4FlagsFragment, fragment))
        {
            return false;
        }

        var ttl = f[FieldLocations.Ipv4Ttl];
        if (ttl != WireConstants.Ipv4Ttl && Stop(ref sink, ref held, FrameProblemKind.Ipv4Ttl, FieldLocations.Ipv4Ttl, ttl))
        {
            return false;
        }

        var protocol = f[FieldLocations.Ipv4Protocol];
        if (protocol != WireConstants.IpProtocolUdp && Stop(ref sink, ref held, FrameProblemKind.NotUdp, FieldLocations.Ipv4Protocol, protocol))
        {
            return false;
        }

        if (!InternetChecksum.VerifiesLittleEndian(InternetChecksum.SumLittleEndianWords(f.Slice(FieldLocations.Ipv4, FieldLengths.Ipv4Header)))
            && Stop(ref sink, ref held, FrameProblemKind.Ipv4Checksum, FieldLocations.Ipv4Checksum, BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.Ipv4Checksum..])))
        {
            return false;
        }

        var sourcePort = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpSourcePort..]);
        if (sourcePort < WireConstants.UdpSourcePort && Stop(ref sink, ref held, FrameProblemKind.UdpSourcePort, FieldLocations.UdpSourcePort, sourcePort))
        {
            return false;
        }

        var destinationPort = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpDestinationPort..]);
        if (destinationPort != WireConstants.UdpDestinationPort && Stop(ref sink, ref held, FrameProblemKind.UdpDestinationPort, FieldLocations.UdpDestinationPort, destinationPort))
        {
            return false;
        }

        var udpLength = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpLength..]);
        if (udpLength != FieldLengths.UdpTotal && Stop(ref sink, ref held, FrameProblemKind.UdpLength, FieldLocations.UdpLength, udpLength))
        {
            return false;
        }

        var checksum = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpChecksum..]);
        if (checksum == 0)
        {
            if (Stop(ref sink, ref held, FrameProblemKind.UdpChecksumAbsent, FieldLocations.UdpChecksum, checksum))
            {
                return false;
            }
        }
        else if (!UdpChecksumHolds(f) && Stop(ref sink, ref held, FrameProblemKind.UdpChecksum, FieldLocations.UdpChecksum, checksum))
        {
            return false;
        }

        return held;
    }

    /// <summary>
    /// Capture mode's header rules for a record dissected as <see cref="RecordClass.Mvps"/>, whatever its
    /// encapsulation: TTL / hop limit 255 on the single-hop port and the source port range. Checksums are
    /// warnings there, read from <paramref name="layers"/> by the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CapturedHeadersHold<TSink>(in PacketLayers layers, ref TSink sink)
        where TSink : struct, ISink
    {
        var held = true;
        if (layers.DestinationPort == WireConstants.UdpDestinationPort && layers.HopLimit != WireConstants.Ipv4Ttl
            && Stop(ref sink, ref held, FrameProblemKind.Ipv4Ttl,
                layers.NetworkOffset + (layers.IpVersion == 4 ? PacketLayout.Ipv4.TtlOffset : PacketLayout.Ipv6.HopLimitOffset), layers.HopLimit))
        {
            return false;
        }

        if (layers.SourcePort < WireConstants.UdpSourcePort && Stop(ref sink, ref held, FrameProblemKind.UdpSourcePort, layers.UdpOffset, layers.SourcePort))
        {
            return false;
        }

        return held;
    }

    /// <summary>
    /// The MVPS payload's rules, shared by both modes, on a UDP payload of at least 68 bytes at offset
    /// <paramref name="at"/>: the BFD packet (RFC 5880 §6.8.6 through <see cref="BfdReceptionRules"/>, and the
    /// evidence layout's A bit clear and Length <see cref="WireConstants.BfdLength"/>), then the Coherence sub-header and the magic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool PayloadHolds<TSink>(ReadOnlySpan<byte> p, int at, ref TSink sink)
        where TSink : struct, ISink
    {
        var held = true;
        var bfdVersion = BfdControlPacket.ReadVersion(p);
        if (!BfdReceptionRules.VersionHolds(bfdVersion) && Stop(ref sink, ref held, FrameProblemKind.BfdVersion, at + PayloadLocations.BfdVersionDiag, bfdVersion))
        {
            return false;
        }

        var bfdFlags = BfdControlPacket.ReadFlags(p);
        if (!BfdReceptionRules.AuthenticationAbsent(bfdFlags) && Stop(ref sink, ref held, FrameProblemKind.BfdAuthenticationPresent, at + PayloadLocations.BfdStateFlags, (uint)bfdFlags))
        {
            return false;
        }

        // The evidence layout: the mandatory section alone, the Coherence extension right after it.
        var bfdLength = p[PayloadLocations.BfdLength];
        if (bfdLength != WireConstants.BfdLength && Stop(ref sink, ref held, FrameProblemKind.BfdLength, at + PayloadLocations.BfdLength, bfdLength))
        {
            return false;
        }

        var detectMultiplier = p[PayloadLocations.BfdDetectMultiplier];
        if (!BfdReceptionRules.DetectMultiplierHolds(detectMultiplier) && Stop(ref sink, ref held, FrameProblemKind.BfdDetectMultiplier, at + PayloadLocations.BfdDetectMultiplier, detectMultiplier))
        {
            return false;
        }

        var myDiscriminator = BfdControlPacket.ReadMyDiscriminator(p);
        if (!BfdReceptionRules.MyDiscriminatorHolds(myDiscriminator) && Stop(ref sink, ref held, FrameProblemKind.BfdMyDiscriminator, at + PayloadLocations.BfdMyDiscriminator, myDiscriminator))
        {
            return false;
        }

        var version = p[PayloadLocations.ExtensionVersion];
        if (version != WireConstants.ExtensionVersion && Stop(ref sink, ref held, FrameProblemKind.ExtensionVersion, at + PayloadLocations.ExtensionVersion, version))
        {
            return false;
        }

        var flags = p[PayloadLocations.ExtensionFlags];
        if ((flags & ~WireConstants.ExtensionFlagAlarm) != 0 && Stop(ref sink, ref held, FrameProblemKind.ExtensionReservedFlags, at + PayloadLocations.ExtensionFlags, flags))
        {
            return false;
        }

        var magic = BinaryPrimitives.ReadUInt32BigEndian(p[PayloadLocations.Magic..]);
        if (magic != WireConstants.Magic && Stop(ref sink, ref held, FrameProblemKind.Magic, at + PayloadLocations.Magic, magic))
        {
            return false;
        }

        return held;
    }

    /// <summary>
    /// The UDP checksum of the evidence layout: the pseudo-header's addresses and the datagram are contiguous
    /// (bytes 26..109), and its protocol and length are one constant word (see <see cref="InternetChecksum.VerifiesLittleEndian"/>).
    /// </summary>
    private static bool UdpChecksumHolds(ReadOnlySpan<byte> f) =>
        InternetChecksum.VerifiesLittleEndian(InternetChecksum.SumLittleEndianWords(f[FieldLocations.Ipv4Source..FieldLengths.Frame]) + PseudoHeaderWordLittleEndian);

    /// <summary>Protocol (17) and UDP length (76) as one big-endian word, times 256: the same word in a little-endian sum.</summary>
    private const ulong PseudoHeaderWordLittleEndian = (WireConstants.IpProtocolUdp + FieldLengths.UdpTotal) * 256UL;

    /// <summary>Records a broken rule; true when the sink wants no more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Stop<TSink>(ref TSink sink, ref bool held, FrameProblemKind kind, int offset, uint value)
        where TSink : struct, ISink
    {
        held = false;
        return !sink.Broken(kind, offset, value);
    }
}
