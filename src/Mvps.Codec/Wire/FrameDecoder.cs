using System.Buffers.Binary;
using System.Globalization;
using Mvps.IO;

namespace Mvps.Codec.Wire;

/// <summary>
/// Reads a frame's fields and lists every way it departs from the format: <see cref="TryDecode"/> for the
/// 110-byte evidence layout (strict mode), <see cref="TryDecodeCaptured"/> for an MVPS payload found in any
/// capture by <see cref="PacketDissector"/>; both apply the same payload rules. Decoding never throws
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

        ReadOnlySpan<byte> f = frame[..FieldLengths.Frame];
        CheckEthernet(f, problems);
        CheckIpv4(f, problems);
        CheckUdp(f, problems);
        CheckPayload(f[FieldLocations.Bfd..], FieldLocations.Bfd, authenticator, problems, out fields);
        return true;
    }

    /// <summary>
    /// Capture mode: checks an MVPS record found by <see cref="PacketDissector"/> (class <see cref="RecordClass.Mvps"/>)
    /// as a receiver would, whatever its encapsulation: the payload rules, TTL / hop limit 255 on port 3784,
    /// the source port range, and the checksums (problems of kind <see cref="FrameProblemKind.Ipv4Checksum"/> and
    /// <see cref="FrameProblemKind.UdpChecksum"/>, which capture mode counts as warnings; see <see cref="IsChecksumWarning"/>).
    /// Offsets are record offsets. Returns false when the payload is too short to hold the fields.
    /// </summary>
    public static bool TryDecodeCaptured(ReadOnlySpan<byte> record, in PacketLayers layers, FrameAuthenticator? authenticator, List<FrameProblem> problems, out CoherenceFrame fields)
    {
        if (layers.DestinationPort == WireConstants.UdpDestinationPort && layers.HopLimit != WireConstants.Ipv4Ttl)
        {
            problems.Add(layers.IpVersion == 4
                ? new(FrameProblemKind.Ipv4Ttl, layers.NetworkOffset + PacketLayout.Ipv4.TtlOffset,
                    Format($"TTL {layers.HopLimit}, single-hop BFD requires 255 (RFC 5881 §5)"))
                : new(FrameProblemKind.Ipv4Ttl, layers.NetworkOffset + PacketLayout.Ipv6.HopLimitOffset,
                    Format($"hop limit {layers.HopLimit}, single-hop BFD requires 255 (RFC 5881 §5)")));
        }

        if (layers.SourcePort < WireConstants.UdpSourcePort)
        {
            problems.Add(new(FrameProblemKind.UdpSourcePort, layers.UdpOffset,
                Format($"UDP source port {layers.SourcePort}, RFC 5881 requires 49152..65535")));
        }

        if (layers.Ipv4HeaderChecksum == ChecksumState.Mismatch)
        {
            problems.Add(new(FrameProblemKind.Ipv4Checksum, layers.NetworkOffset + PacketLayout.Ipv4.ChecksumOffset,
                Format($"bad IPv4 header checksum 0x{BinaryPrimitives.ReadUInt16BigEndian(record[(layers.NetworkOffset + PacketLayout.Ipv4.ChecksumOffset)..]):x4}")));
        }

        if (layers.UdpChecksum == ChecksumState.Mismatch)
        {
            problems.Add(new(FrameProblemKind.UdpChecksum, layers.UdpOffset + PacketLayout.Udp.ChecksumOffset,
                Format($"bad UDP checksum 0x{BinaryPrimitives.ReadUInt16BigEndian(record[(layers.UdpOffset + PacketLayout.Udp.ChecksumOffset)..]):x4}")));
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

        CheckPayload(payload[..FieldLengths.UdpPayload], layers.PayloadOffset, authenticator, problems, out fields);
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
    /// The rules of the MVPS payload, shared by both modes: BFD version, A bit, Length, detect multiplier,
    /// My Discriminator, sub-header version and flags, magic, and the tag (constant-time compare).
    /// <paramref name="payloadOffset"/> turns payload offsets into the offsets reported.
    /// </summary>
    private static void CheckPayload(ReadOnlySpan<byte> payload, int payloadOffset, FrameAuthenticator? authenticator, List<FrameProblem> problems, out CoherenceFrame fields)
    {
        fields = ReadPayloadFields(payload);
        CheckBfd(fields.Bfd, payloadOffset, problems);
        CheckExtension(payload, payloadOffset, fields, problems);

        if (authenticator is not null)
        {
            Span<byte> expected = stackalloc byte[FieldLengths.Tag];
            if (!authenticator.VerifyPayloadTag(payload, expected))
            {
                problems.Add(new(FrameProblemKind.TagMismatch, payloadOffset + PayloadLocations.Tag,
                    $"HMAC tag mismatch: frame has {LowerHex.Of(payload.Slice(PayloadLocations.Tag, FieldLengths.Tag))}, key gives {LowerHex.Of(expected)}"));
            }
        }
    }

    private static void CheckEthernet(ReadOnlySpan<byte> f, List<FrameProblem> problems)
    {
        ushort etherType = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.EtherType..]);
        if (etherType != WireConstants.EtherTypeIpv4)
        {
            problems.Add(new(FrameProblemKind.WrongEtherType, FieldLocations.EtherType,
                Format($"EtherType 0x{etherType:x4}, expected 0x0800 (IPv4)")));
        }
    }

    private static void CheckIpv4(ReadOnlySpan<byte> f, List<FrameProblem> problems)
    {
        byte versionIhl = f[FieldLocations.Ipv4VersionIhl];
        if (versionIhl >> 4 != 4)
        {
            problems.Add(new(FrameProblemKind.NotIpv4, FieldLocations.Ipv4VersionIhl, Format($"IP version {versionIhl >> 4}, expected 4")));
        }
        else if ((versionIhl & 0x0F) != 5)
        {
            problems.Add(new(FrameProblemKind.Ipv4Options, FieldLocations.Ipv4VersionIhl,
                Format($"IPv4 header length {(versionIhl & 0x0F) * 4} bytes: options are not allowed")));
        }

        ushort totalLength = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.Ipv4TotalLength..]);
        if (totalLength != FieldLengths.Ipv4Total)
        {
            problems.Add(new(FrameProblemKind.Ipv4TotalLength, FieldLocations.Ipv4TotalLength,
                Format($"IPv4 total length {totalLength}, expected {FieldLengths.Ipv4Total}")));
        }

        ushort fragment = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.Ipv4FlagsFragment..]);
        if ((fragment & WireConstants.Ipv4MoreFragments) != 0 || (fragment & WireConstants.Ipv4FragmentOffsetMask) != 0)
        {
            problems.Add(new(FrameProblemKind.Ipv4Fragment, FieldLocations.Ipv4FlagsFragment,
                Format($"IPv4 fragment (flags/offset 0x{fragment:x4}): BFD packets are never fragmented")));
        }

        if (f[FieldLocations.Ipv4Ttl] != WireConstants.Ipv4Ttl)
        {
            problems.Add(new(FrameProblemKind.Ipv4Ttl, FieldLocations.Ipv4Ttl,
                Format($"TTL {f[FieldLocations.Ipv4Ttl]}, single-hop BFD requires 255 (RFC 5881)")));
        }

        if (f[FieldLocations.Ipv4Protocol] != WireConstants.IpProtocolUdp)
        {
            problems.Add(new(FrameProblemKind.NotUdp, FieldLocations.Ipv4Protocol,
                Format($"IP protocol {f[FieldLocations.Ipv4Protocol]}, expected 17 (UDP)")));
        }

        if (InternetChecksum.Compute(f.Slice(FieldLocations.Ipv4, FieldLengths.Ipv4Header)) != 0)
        {
            problems.Add(new(FrameProblemKind.Ipv4Checksum, FieldLocations.Ipv4Checksum,
                Format($"bad IPv4 header checksum 0x{BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.Ipv4Checksum..]):x4}")));
        }
    }

    private static void CheckUdp(ReadOnlySpan<byte> f, List<FrameProblem> problems)
    {
        ushort sourcePort = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpSourcePort..]);
        if (sourcePort < WireConstants.UdpSourcePort)
        {
            problems.Add(new(FrameProblemKind.UdpSourcePort, FieldLocations.UdpSourcePort,
                Format($"UDP source port {sourcePort}, RFC 5881 requires 49152..65535")));
        }

        ushort destinationPort = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpDestinationPort..]);
        if (destinationPort != WireConstants.UdpDestinationPort)
        {
            problems.Add(new(FrameProblemKind.UdpDestinationPort, FieldLocations.UdpDestinationPort,
                Format($"UDP destination port {destinationPort}, expected 3784 (single-hop BFD)")));
        }

        ushort length = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpLength..]);
        if (length != FieldLengths.UdpTotal)
        {
            problems.Add(new(FrameProblemKind.UdpLength, FieldLocations.UdpLength,
                Format($"UDP length {length}, expected {FieldLengths.UdpTotal}")));
        }

        ushort checksum = BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.UdpChecksum..]);
        if (checksum == 0)
        {
            problems.Add(new(FrameProblemKind.UdpChecksumAbsent, FieldLocations.UdpChecksum, "UDP checksum absent (0x0000)"));
        }
        else if (InternetChecksum.ComputeUdp(
                     f.Slice(FieldLocations.Ipv4Source, FieldLengths.Ipv4Address),
                     f.Slice(FieldLocations.Ipv4Destination, FieldLengths.Ipv4Address),
                     f.Slice(FieldLocations.Udp, FieldLengths.UdpTotal)) != 0)
        {
            problems.Add(new(FrameProblemKind.UdpChecksum, FieldLocations.UdpChecksum, Format($"bad UDP checksum 0x{checksum:x4}")));
        }
    }

    private static void CheckBfd(in BfdControlPacket bfd, int at, List<FrameProblem> problems)
    {
        if (bfd.Version != WireConstants.BfdVersion)
        {
            problems.Add(new(FrameProblemKind.BfdVersion, at + PayloadLocations.BfdVersionDiag, Format($"BFD version {bfd.Version}, expected 1")));
        }

        if ((bfd.Flags & BfdFlags.AuthenticationPresent) != 0)
        {
            problems.Add(new(FrameProblemKind.BfdAuthenticationPresent, at + PayloadLocations.BfdStateFlags,
                "BFD A bit set: the format carries no BFD authentication section"));
        }

        if (bfd.Length != WireConstants.BfdLength)
        {
            problems.Add(new(FrameProblemKind.BfdLength, at + PayloadLocations.BfdLength, Format($"BFD length {bfd.Length}, expected 24")));
        }

        if (bfd.DetectMultiplier == 0)
        {
            problems.Add(new(FrameProblemKind.BfdDetectMultiplier, at + PayloadLocations.BfdDetectMultiplier, "BFD detect multiplier 0 (RFC 5880 §6.8.6)"));
        }

        if (bfd.MyDiscriminator == 0)
        {
            problems.Add(new(FrameProblemKind.BfdMyDiscriminator, at + PayloadLocations.BfdMyDiscriminator, "BFD My Discriminator 0 (RFC 5880 §6.8.6)"));
        }
    }

    private static void CheckExtension(ReadOnlySpan<byte> payload, int at, in CoherenceFrame fields, List<FrameProblem> problems)
    {
        if (fields.ExtensionVersion != WireConstants.ExtensionVersion)
        {
            problems.Add(new(FrameProblemKind.ExtensionVersion, at + PayloadLocations.ExtensionVersion,
                Format($"Coherence extension version {fields.ExtensionVersion}, expected 3")));
        }

        if ((fields.ExtensionFlags & ~WireConstants.ExtensionFlagAlarm) != 0)
        {
            problems.Add(new(FrameProblemKind.ExtensionReservedFlags, at + PayloadLocations.ExtensionFlags,
                Format($"reserved extension flag bits set (0x{fields.ExtensionFlags:x2})")));
        }

        uint magic = BinaryPrimitives.ReadUInt32BigEndian(payload[PayloadLocations.Magic..]);
        if (magic != WireConstants.Magic)
        {
            problems.Add(new(FrameProblemKind.Magic, at + PayloadLocations.Magic, Format($"magic 0x{magic:x8}, expected 0x434f4845 (\"COHE\")")));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
