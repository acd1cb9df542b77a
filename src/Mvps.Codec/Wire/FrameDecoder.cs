using System.Buffers.Binary;
using System.Globalization;

namespace Mvps.Codec.Wire;

/// <summary>
/// Reads a frame's fields and lists every way it departs from the format. Decoding never throws
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
        fields = ReadFields(f);
        CheckBfd(fields.Bfd, problems);
        CheckExtension(f, fields, problems);

        if (authenticator is not null)
        {
            Span<byte> expected = stackalloc byte[FieldLengths.Tag];
            if (!authenticator.VerifyTag(f, expected))
            {
                problems.Add(new(FrameProblemKind.TagMismatch, FieldLocations.Tag,
                    $"HMAC tag mismatch: frame has {Convert.ToHexStringLower(f.Slice(FieldLocations.Tag, FieldLengths.Tag))}, key gives {Convert.ToHexStringLower(expected)}"));
            }
        }

        return true;
    }

    /// <summary>Reads the varying fields without judging them.</summary>
    public static CoherenceFrame ReadFields(ReadOnlySpan<byte> f)
    {
        var bfd = new BfdControlPacket(
            Version: (byte)(f[FieldLocations.BfdVersionDiag] >> 5),
            Diagnostic: (BfdDiagnostic)(f[FieldLocations.BfdVersionDiag] & 0x1F),
            State: (BfdState)(f[FieldLocations.BfdStateFlags] >> 6),
            Flags: (BfdFlags)(f[FieldLocations.BfdStateFlags] & 0x3F),
            DetectMultiplier: f[FieldLocations.BfdDetectMultiplier],
            Length: f[FieldLocations.BfdLength],
            MyDiscriminator: BinaryPrimitives.ReadUInt32BigEndian(f[FieldLocations.BfdMyDiscriminator..]),
            YourDiscriminator: BinaryPrimitives.ReadUInt32BigEndian(f[FieldLocations.BfdYourDiscriminator..]),
            DesiredMinTxIntervalUs: BinaryPrimitives.ReadUInt32BigEndian(f[FieldLocations.BfdDesiredMinTx..]),
            RequiredMinRxIntervalUs: BinaryPrimitives.ReadUInt32BigEndian(f[FieldLocations.BfdRequiredMinRx..]),
            RequiredMinEchoRxIntervalUs: BinaryPrimitives.ReadUInt32BigEndian(f[FieldLocations.BfdRequiredMinEchoRx..]));

        return new CoherenceFrame(
            bfd,
            ExtensionVersion: f[FieldLocations.ExtensionVersion],
            ExtensionFlags: f[FieldLocations.ExtensionFlags],
            VantageId: BinaryPrimitives.ReadUInt16BigEndian(f[FieldLocations.VantageId..]),
            LatticePeriodUs: BinaryPrimitives.ReadUInt32BigEndian(f[FieldLocations.LatticePeriod..]),
            Tick: BinaryPrimitives.ReadUInt32BigEndian(f[FieldLocations.Tick..]),
            PhiNanoseconds: BinaryPrimitives.ReadInt32BigEndian(f[FieldLocations.Phi..]),
            C1: BinaryPrimitives.ReadSingleBigEndian(f[FieldLocations.C1..]),
            C2: BinaryPrimitives.ReadSingleBigEndian(f[FieldLocations.C2..]),
            C3: BinaryPrimitives.ReadSingleBigEndian(f[FieldLocations.C3..]));
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

    private static void CheckBfd(in BfdControlPacket bfd, List<FrameProblem> problems)
    {
        if (bfd.Version != WireConstants.BfdVersion)
        {
            problems.Add(new(FrameProblemKind.BfdVersion, FieldLocations.BfdVersionDiag, Format($"BFD version {bfd.Version}, expected 1")));
        }

        if ((bfd.Flags & BfdFlags.AuthenticationPresent) != 0)
        {
            problems.Add(new(FrameProblemKind.BfdAuthenticationPresent, FieldLocations.BfdStateFlags,
                "BFD A bit set: the format carries no BFD authentication section"));
        }

        if (bfd.Length != WireConstants.BfdLength)
        {
            problems.Add(new(FrameProblemKind.BfdLength, FieldLocations.BfdLength, Format($"BFD length {bfd.Length}, expected 24")));
        }

        if (bfd.DetectMultiplier == 0)
        {
            problems.Add(new(FrameProblemKind.BfdDetectMultiplier, FieldLocations.BfdDetectMultiplier, "BFD detect multiplier 0 (RFC 5880 §6.8.6)"));
        }

        if (bfd.MyDiscriminator == 0)
        {
            problems.Add(new(FrameProblemKind.BfdMyDiscriminator, FieldLocations.BfdMyDiscriminator, "BFD My Discriminator 0 (RFC 5880 §6.8.6)"));
        }
    }

    private static void CheckExtension(ReadOnlySpan<byte> f, in CoherenceFrame fields, List<FrameProblem> problems)
    {
        if (fields.ExtensionVersion != WireConstants.ExtensionVersion)
        {
            problems.Add(new(FrameProblemKind.ExtensionVersion, FieldLocations.ExtensionVersion,
                Format($"Coherence extension version {fields.ExtensionVersion}, expected 3")));
        }

        if ((fields.ExtensionFlags & ~WireConstants.ExtensionFlagAlarm) != 0)
        {
            problems.Add(new(FrameProblemKind.ExtensionReservedFlags, FieldLocations.ExtensionFlags,
                Format($"reserved extension flag bits set (0x{fields.ExtensionFlags:x2})")));
        }

        uint magic = BinaryPrimitives.ReadUInt32BigEndian(f[FieldLocations.Magic..]);
        if (magic != WireConstants.Magic)
        {
            problems.Add(new(FrameProblemKind.Magic, FieldLocations.Magic, Format($"magic 0x{magic:x8}, expected 0x434f4845 (\"COHE\")")));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
