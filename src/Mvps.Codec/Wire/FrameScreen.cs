using System.Buffers.Binary;

namespace Mvps.Codec.Wire;

/// <summary>
/// The verifier's fast path, next to the decoder whose rules it restates as one predicate: true only for a
/// record on which <see cref="FrameDecoder"/> would report no problem at all (the same conditions, without
/// building fields or messages). Anything else goes to the decoder, which then explains what is wrong, so
/// reports are the decoder's word for word. A property test holds the two together.
/// </summary>
public static class FrameScreen
{
    private const ushort FragmentBits = WireConstants.Ipv4MoreFragments | WireConstants.Ipv4FragmentOffsetMask;
    private const byte AuthenticationPresentBit = (byte)BfdFlags.AuthenticationPresent;

    /// <summary>
    /// Protocol (17) and UDP length (76) of the UDP pseudo-header as one big-endian word, times 256 mod 0xFFFF:
    /// the same word in the little-endian sum below (see <see cref="InternetChecksum.VerifiesLittleEndian"/>).
    /// </summary>
    private const ulong PseudoHeaderConstantLittleEndian = (WireConstants.IpProtocolUdp + FieldLengths.UdpTotal) * 256UL;

    /// <summary>Strict mode: the 110-byte evidence layout, checksums included (<see cref="FrameDecoder.TryDecode"/>).</summary>
    public static bool IsClean(ReadOnlySpan<byte> f, FrameAuthenticator authenticator, Span<byte> tagScratch) =>
        EvidenceFieldsHold(f) && authenticator.VerifyTag(f, tagScratch);

    /// <summary>Everything <see cref="IsClean"/> tests but the tag, which the verifier computes in batches.</summary>
    public static bool EvidenceFieldsHold(ReadOnlySpan<byte> f)
    {
        if (f.Length != FieldLengths.Frame)
        {
            return false;
        }

        bool fieldsHold =
            BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.EtherType..]) == WireConstants.EtherTypeIpv4
            && f[FieldLocations.Ipv4VersionIhl] == WireConstants.Ipv4VersionIhl
            && BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.Ipv4TotalLength..]) == FieldLengths.Ipv4Total
            && (BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.Ipv4FlagsFragment..]) & FragmentBits) == 0
            && f[FieldLocations.Ipv4Ttl] == WireConstants.Ipv4Ttl
            && f[FieldLocations.Ipv4Protocol] == WireConstants.IpProtocolUdp
            && BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpSourcePort..]) >= WireConstants.UdpSourcePort
            && BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpDestinationPort..]) == WireConstants.UdpDestinationPort
            && BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpLength..]) == FieldLengths.UdpTotal
            && BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpChecksum..]) != 0
            && PayloadFieldsHold(f[FieldLocations.Bfd..]);
        if (!fieldsHold)
        {
            return false;
        }

        // IPv4 header, then UDP pseudo-header (addresses) + datagram: bytes 26..109 are contiguous.
        if (!InternetChecksum.VerifiesLittleEndian(InternetChecksum.SumLittleEndianWords(f.Slice(FieldLocations.Ipv4, FieldLengths.Ipv4Header))))
        {
            return false;
        }

        const int pseudoStart = FieldLocations.Ipv4Source;
        if (!InternetChecksum.VerifiesLittleEndian(InternetChecksum.SumLittleEndianWords(f[pseudoStart..FieldLengths.Frame]) + PseudoHeaderConstantLittleEndian))
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// Capture mode: an MVPS record (dissected as <see cref="RecordClass.Mvps"/>) on which
    /// <see cref="FrameDecoder.TryDecodeCaptured"/> would report nothing, checksum warnings aside (the caller
    /// counts those from <paramref name="layers"/>).
    /// </summary>
    public static bool IsCleanCaptured(ReadOnlySpan<byte> record, in PacketLayers layers, FrameAuthenticator authenticator, Span<byte> tagScratch) =>
        CapturedFieldsHold(record, layers)
        && authenticator.VerifyPayloadTag(record.Slice(layers.PayloadOffset, FieldLengths.UdpPayload), tagScratch);

    /// <summary>Everything <see cref="IsCleanCaptured"/> tests but the tag, which the verifier computes in batches.</summary>
    public static bool CapturedFieldsHold(ReadOnlySpan<byte> record, in PacketLayers layers) =>
        layers.PayloadLength == FieldLengths.UdpPayload
        && (layers.DestinationPort != WireConstants.UdpDestinationPort || layers.HopLimit == WireConstants.Ipv4Ttl)
        && layers.SourcePort >= WireConstants.UdpSourcePort
        && PayloadFieldsHold(record.Slice(layers.PayloadOffset, FieldLengths.UdpPayload));

    /// <summary>A 68-byte UDP payload that obeys the decoder's payload rules, the tag aside: a BFD packet of Length 24 and a well-formed Coherence extension.</summary>
    public static bool IsCoherencePayload(ReadOnlySpan<byte> payload) =>
        payload.Length == FieldLengths.UdpPayload && PayloadFieldsHold(payload);

    /// <summary>The payload rules of <see cref="FrameDecoder"/> (all but the tag), on a UDP payload of at least 68 bytes.</summary>
    private static bool PayloadFieldsHold(ReadOnlySpan<byte> p) =>
        p[PayloadLocations.BfdVersionDiag] >> 5 == WireConstants.BfdVersion
        && (p[PayloadLocations.BfdStateFlags] & AuthenticationPresentBit) == 0
        && p[PayloadLocations.BfdDetectMultiplier] != 0
        && p[PayloadLocations.BfdLength] == WireConstants.BfdLength
        && BinaryPrimitives.ReadUInt32BigEndian(p[PayloadLocations.BfdMyDiscriminator..]) != 0
        && p[PayloadLocations.ExtensionVersion] == WireConstants.ExtensionVersion
        && (p[PayloadLocations.ExtensionFlags] & ~WireConstants.ExtensionFlagAlarm) == 0
        && BinaryPrimitives.ReadUInt32BigEndian(p[PayloadLocations.Magic..]) == WireConstants.Magic;

}
