using System.Buffers.Binary;
using System.Globalization;
using Mvps.IO;

namespace Mvps.Codec.Wire;

/// <summary>
/// Reads a frame's fields and lists every way it departs from the format: <see cref="TryDecode"/> for the
/// 110-byte evidence layout (strict mode), <see cref="TryDecodeCaptured"/> for an MVPS payload found in any
/// capture by <see cref="PacketDissector"/>; both apply the same payload rules, those of <see cref="FrameRules"/>,
/// which <see cref="FrameScreen"/> applies too. Decoding never throws
/// on frame contents: whatever the bytes, the result is fields (where present) plus problems.
/// </summary>
public static class FrameDecoder
{
    /// <summary>
    /// Decodes <paramref name="frame"/>; problems are appended to <paramref name="problems"/> (not cleared here).
    /// Pass a null <paramref name="authenticator"/> to skip the tag check. Returns false when the frame is
    /// too short to hold the fields, in which case <paramref name="fields"/> is default.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> frame, FrameAuthenticator? authenticator, List<FrameProblem> problems, out CoherenceFrame fields)
    {
        if (frame.Length < FieldLengths.Frame)
        {
            problems.Add(new(FrameProblemKind.Truncated, frame.Length,
                Format($"truncated frame: {frame.Length} bytes, a frame has {FieldLengths.Frame}")));
            fields = default;
            return false;
        }

        if (frame.Length > FieldLengths.Frame)
        {
            problems.Add(new(FrameProblemKind.TrailingBytes, FieldLengths.Frame,
                Format($"{frame.Length - FieldLengths.Frame} bytes after the {FieldLengths.Frame}-byte frame")));
        }

        var f = frame[..FieldLengths.Frame];
        var sink = new ProblemList(problems, capturedIpVersion: 0);
        FrameRules.EvidenceHeadersHold(f, ref sink);
        CheckPayload(f[FieldLocations.Bfd..], FieldLocations.Bfd, authenticator, ref sink, out fields);
        return true;
    }

    /// <summary>
    /// Capture mode: checks an MVPS record found by <see cref="PacketDissector"/> (class <see cref="RecordClass.Mvps"/>)
    /// as a receiver would, whatever its encapsulation: the payload rules, TTL / hop limit 255 on the single-hop port,
    /// the source port range, and the checksums (problems of kind <see cref="FrameProblemKind.Ipv4Checksum"/> and
    /// <see cref="FrameProblemKind.UdpChecksum"/>, which capture mode counts as warnings; see <see cref="IsChecksumWarning"/>).
    /// Offsets are record offsets. Returns false when the payload is too short to hold the fields.
    /// </summary>
    public static bool TryDecodeCaptured(ReadOnlySpan<byte> record, in PacketLayers layers, FrameAuthenticator? authenticator, List<FrameProblem> problems, out CoherenceFrame fields)
    {
        var sink = new ProblemList(problems, layers.IpVersion);
        FrameRules.CapturedHeadersHold(layers, ref sink);

        if (layers.Ipv4HeaderChecksum == ChecksumState.Mismatch)
        {
            sink.Broken(FrameProblemKind.Ipv4Checksum, layers.NetworkOffset + PacketLayout.Ipv4.ChecksumOffset,
                BinaryPrimitives.ReadUInt16BigEndian(record[(layers.NetworkOffset + PacketLayout.Ipv4.ChecksumOffset)..]));
        }

        if (layers.UdpChecksum == ChecksumState.Mismatch)
        {
            sink.Broken(FrameProblemKind.UdpChecksum, layers.UdpOffset + PacketLayout.Udp.ChecksumOffset,
                BinaryPrimitives.ReadUInt16BigEndian(record[(layers.UdpOffset + PacketLayout.Udp.ChecksumOffset)..]));
        }

        var payload = record.Slice(layers.PayloadOffset, layers.PayloadLength);
        if (payload.Length < FieldLengths.UdpPayload)
        {
            problems.Add(new(FrameProblemKind.Truncated, layers.PayloadOffset,
                Format($"MVPS payload of {payload.Length} bytes, the Coherence extension needs {FieldLengths.UdpPayload}")));
            fields = default;
            return false;
        }

        if (payload.Length > FieldLengths.UdpPayload)
        {
            problems.Add(new(FrameProblemKind.TrailingBytes, layers.PayloadOffset + FieldLengths.UdpPayload,
                Format($"{payload.Length - FieldLengths.UdpPayload} bytes after the {FieldLengths.UdpPayload}-byte MVPS payload")));
        }

        CheckPayload(payload[..FieldLengths.UdpPayload], layers.PayloadOffset, authenticator, ref sink, out fields);
        return true;
    }

    /// <summary>Checksum mismatches: in capture mode counted warnings (checksum offload on the capturing host), not failures.</summary>
    public static bool IsChecksumWarning(FrameProblemKind kind) => kind is FrameProblemKind.Ipv4Checksum or FrameProblemKind.UdpChecksum;

    /// <summary>Reads the varying fields of a 110-byte evidence-layout frame without judging them.</summary>
    public static CoherenceFrame ReadFields(ReadOnlySpan<byte> f) => ReadPayloadFields(f[FieldLocations.Bfd..]);

    /// <summary>Reads the varying fields of a 68-byte MVPS UDP payload without judging them.</summary>
    public static CoherenceFrame ReadPayloadFields(ReadOnlySpan<byte> p) => new(
        BfdControlPacket.Read(p),
        ExtensionVersion: p[PayloadLocations.ExtensionVersion],
        ExtensionFlags: p[PayloadLocations.ExtensionFlags],
        VantageId: BinaryPrimitives.ReadUInt16BigEndian(p[PayloadLocations.VantageId..]),
        LatticePeriodUs: BinaryPrimitives.ReadUInt32BigEndian(p[PayloadLocations.LatticePeriod..]),
        Tick: BinaryPrimitives.ReadUInt32BigEndian(p[PayloadLocations.Tick..]),
        PhiNanoseconds: BinaryPrimitives.ReadInt32BigEndian(p[PayloadLocations.Phi..]),
        C1: BinaryPrimitives.ReadSingleBigEndian(p[PayloadLocations.C1..]),
        C2: BinaryPrimitives.ReadSingleBigEndian(p[PayloadLocations.C2..]),
        C3: BinaryPrimitives.ReadSingleBigEndian(p[PayloadLocations.C3..]));

    /// <summary>
    /// The rules of the MVPS payload, shared by both modes (<see cref="FrameRules.PayloadHolds"/>), and the tag
    /// (constant-time compare).
    /// <paramref name="payloadOffset"/> turns payload offsets into the offsets reported.
    /// </summary>
    private static void CheckPayload(ReadOnlySpan<byte> payload, int payloadOffset, FrameAuthenticator? authenticator, ref ProblemList sink, out CoherenceFrame fields)
    {
        fields = ReadPayloadFields(payload);
        FrameRules.PayloadHolds(payload, payloadOffset, ref sink);

        if (authenticator is not null)
        {
            Span<byte> expected = stackalloc byte[FieldLengths.Tag];
            if (!authenticator.VerifyPayloadTag(payload, expected))
            {
                sink.Problems.Add(new(FrameProblemKind.TagMismatch, payloadOffset + PayloadLocations.Tag,
                    $"HMAC tag mismatch: frame has {LowerHex.Of(payload.Slice(PayloadLocations.Tag, FieldLengths.Tag))}, key gives {LowerHex.Of(expected)}"));
            }
        }
    }

    /// <summary>The decoder's sink: every broken rule becomes a problem, worded here, and checking goes on.</summary>
    private readonly struct ProblemList(List<FrameProblem> problems, byte capturedIpVersion) : FrameRules.ISink
    {
        public List<FrameProblem> Problems => problems;

        public bool Broken(FrameProblemKind kind, int offset, uint value)
        {
            problems.Add(new(kind, offset, Describe(kind, value, capturedIpVersion)));
            return true;
        }
    }

    /// <summary>
    /// The text of a broken rule, from the field's <paramref name="value"/>. <paramref name="capturedIpVersion"/> is 0 in
    /// strict mode, else the IP version of the captured record (capture mode words the TTL rule for IPv4 and IPv6).
    /// </summary>
    private static string Describe(FrameProblemKind kind, uint value, byte capturedIpVersion) => kind switch
    {
        FrameProblemKind.WrongEtherType => Format($"EtherType 0x{value:x4}, expected 0x{WireConstants.EtherTypeIpv4:x4} (IPv4)"),
        FrameProblemKind.NotIpv4 => Format($"IP version {value >> 4}, expected {WireConstants.Ipv4VersionIhl >> 4}"),
        FrameProblemKind.Ipv4Options => Format($"IPv4 header length {(value & 0x0F) * 4} bytes: options are not allowed"),
        FrameProblemKind.Ipv4TotalLength => Format($"IPv4 total length {value}, expected {FieldLengths.Ipv4Total}"),
        FrameProblemKind.Ipv4Fragment => Format($"IPv4 fragment (flags/offset 0x{value:x4}): BFD packets are never fragmented"),
        FrameProblemKind.Ipv4Ttl => capturedIpVersion switch
        {
            0 => Format($"TTL {value}, single-hop BFD requires {WireConstants.Ipv4Ttl} (RFC 5881)"),
            4 => Format($"TTL {value}, single-hop BFD requires {WireConstants.Ipv4Ttl} (RFC 5881 §5)"),
            _ => Format($"hop limit {value}, single-hop BFD requires {WireConstants.Ipv4Ttl} (RFC 5881 §5)"),
        },
        FrameProblemKind.NotUdp => Format($"IP protocol {value}, expected {WireConstants.IpProtocolUdp} (UDP)"),
        FrameProblemKind.Ipv4Checksum => Format($"bad IPv4 header checksum 0x{value:x4}"),
        FrameProblemKind.UdpSourcePort => Format($"UDP source port {value}, RFC 5881 requires {WireConstants.UdpSourcePort}..{ushort.MaxValue}"),
        FrameProblemKind.UdpDestinationPort => Format($"UDP destination port {value}, expected {WireConstants.UdpDestinationPort} (single-hop BFD)"),
        FrameProblemKind.UdpLength => Format($"UDP length {value}, expected {FieldLengths.UdpTotal}"),
        FrameProblemKind.UdpChecksumAbsent => "UDP checksum absent (0x0000)",
        FrameProblemKind.UdpChecksum => Format($"bad UDP checksum 0x{value:x4}"),
        FrameProblemKind.BfdVersion => Format($"BFD version {value}, expected {WireConstants.BfdVersion}"),
        FrameProblemKind.BfdAuthenticationPresent => "BFD A bit set: the format carries no BFD authentication section",
        FrameProblemKind.BfdLength => Format($"BFD length {value}, expected {WireConstants.BfdLength}"),
        FrameProblemKind.BfdDetectMultiplier => "BFD detect multiplier 0 (RFC 5880 §6.8.6)",
        FrameProblemKind.BfdMyDiscriminator => "BFD My Discriminator 0 (RFC 5880 §6.8.6)",
        FrameProblemKind.ExtensionVersion => Format($"Coherence extension version {value}, expected {WireConstants.ExtensionVersion}"),
        FrameProblemKind.ExtensionReservedFlags => Format($"reserved extension flag bits set (0x{value:x2})"),
        FrameProblemKind.Magic => Format($"magic 0x{value:x8}, expected 0x{WireConstants.Magic:x8} (\"COHE\")"),
        _ => kind.ToString(), // the kinds the rules do not report (length, tag) are worded where they are found
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
