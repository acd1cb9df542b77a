using System.Buffers.Binary;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Wire;

/// <summary>Every link type, VLAN shape, network layer and class of <see cref="PacketDissector"/>, one record each.</summary>
public sealed class PacketDissectorTests
{
    private static readonly byte[] Sll = [0x00, 0x04, 0x00, 0x01, 0x00, 0x06, 2, 0x4d, 0x56, 0x50, 0x53, 0x0a, 0, 0, 0x08, 0x00];
    private static readonly byte[] Sll2 = [0x08, 0x00, 0, 0, 0, 0, 0, 2, 0x00, 0x01, 0x04, 0x06, 2, 0x4d, 0x56, 0x50, 0x53, 0x0a, 0, 0];

    public static TheoryData<string, uint, byte[], int> MvpsShapes => new()
    {
        { "ethernet", LinkTypes.Ethernet, TestPackets.Frame, 42 },
        { "802.1Q", LinkTypes.Ethernet, TestPackets.WithVlanTags(TestPackets.Frame, 0x8100, 100), 46 },
        { "802.1ad + 802.1Q", LinkTypes.Ethernet, TestPackets.WithVlanTags(TestPackets.Frame, 0x88a8, 200, 0x8100, 100), 50 },
        { "legacy QinQ 0x9100", LinkTypes.Ethernet, TestPackets.WithVlanTags(TestPackets.Frame, 0x9100, 7), 46 },
        { "sll", LinkTypes.LinuxSll, [.. Sll, .. TestPackets.Ipv4Packet], 44 },
        { "sll2", LinkTypes.LinuxSll2, [.. Sll2, .. TestPackets.Ipv4Packet], 48 },
        { "raw", LinkTypes.Raw, TestPackets.Ipv4Packet, 28 },
        { "ipv4", LinkTypes.Ipv4, TestPackets.Ipv4Packet, 28 },
        { "null, little-endian host", LinkTypes.Null, [2, 0, 0, 0, .. TestPackets.Ipv4Packet], 32 },
        { "null, big-endian host", LinkTypes.Null, [0, 0, 0, 2, .. TestPackets.Ipv4Packet], 32 },
        { "loop", LinkTypes.Loop, [0, 0, 0, 2, .. TestPackets.Ipv4Packet], 32 },
        { "raw ipv6", LinkTypes.Ipv6, TestPackets.Ipv6Packet(TestPackets.Payload), 48 },
        { "raw 101 ipv6", LinkTypes.Raw, TestPackets.Ipv6Packet(TestPackets.Payload), 48 },
        { "null, darwin AF_INET6", LinkTypes.Null, [30, 0, 0, 0, .. TestPackets.Ipv6Packet(TestPackets.Payload)], 52 },
        { "ipv6 over ethernet", LinkTypes.Ethernet, TestPackets.Ethernet(0x86dd, TestPackets.Ipv6Packet(TestPackets.Payload)), 62 },
        { "ipv6 hop-by-hop + destination options", LinkTypes.Ipv6, TestPackets.Ipv6Packet(TestPackets.Payload, 255, 3784, TestPackets.Extension(60), TestPackets.Extension(17)), 64 },
        { "ipv6 atomic fragment", LinkTypes.Ipv6, TestPackets.Ipv6Packet(TestPackets.Payload, 255, 3784, [17, 0, 0, 0, 0, 0, 0, 1]), 56 },
    };

    [Theory]
    [MemberData(nameof(MvpsShapes))]
    public void Finds_the_mvps_payload_in_each_encapsulation_and_the_decoder_agrees(string shape, uint linkType, byte[] record, int payloadOffset)
    {
        // The hop-by-hop test packet names its first header in the IPv6 header: fix that up here.
        if (shape.StartsWith("ipv6 hop-by-hop", StringComparison.Ordinal))
        {
            record[6] = 0;
        }
        else if (shape == "ipv6 atomic fragment")
        {
            record[6] = 44;
        }

        var layers = PacketDissector.Dissect(linkType, record);

        Assert.Equal(RecordClass.Mvps, layers.Class);
        Assert.Equal(payloadOffset, layers.PayloadOffset);
        Assert.Equal(FieldLengths.UdpPayload, layers.PayloadLength);
        Assert.NotEqual(ChecksumState.Mismatch, layers.UdpChecksum);
        Assert.False(layers.HasChecksumWarning, shape);
        using var authenticator = FrameAuthenticator.ForProofKey();
        var problems = new List<FrameProblem>();
        Assert.True(FrameDecoder.TryDecodeCaptured(record, layers, authenticator, problems, out var fields));
        Assert.Empty(problems);
        Assert.Equal(TestFrames.Sample.Tick, fields.Tick);
        Assert.True(FrameScreen.IsCleanCaptured(record, layers, authenticator, new byte[FieldLengths.Tag]));
    }

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public bool Never_throws_and_keeps_offsets_inside_the_record(byte[] bytes, byte linkTypeChoice, bool startFromFrame)
    {
        uint[] linkTypes = [LinkTypes.Null, LinkTypes.Ethernet, LinkTypes.Raw, LinkTypes.Loop, LinkTypes.LinuxSll, LinkTypes.Ipv4, LinkTypes.Ipv6, LinkTypes.LinuxSll2, 65000];
        var linkType = linkTypes[linkTypeChoice % linkTypes.Length];
        var record = bytes;
        if (startFromFrame)
        {
            // Damage a real frame rather than start from noise, so the deeper layers are reached.
            record = TestPackets.Frame;
            for (var i = 0; i + 1 < bytes.Length && i < 8; i += 2)
            {
                record[bytes[i] % record.Length] ^= bytes[i + 1];
            }
        }

        var layers = PacketDissector.Dissect(linkType, record);
        if (layers.Class is RecordClass.Mvps or RecordClass.BfdWithoutExtension)
        {
            using var authenticator = FrameAuthenticator.ForProofKey();
            FrameDecoder.TryDecodeCaptured(record, layers, authenticator, [], out _);
            return layers.PayloadOffset + layers.PayloadLength <= record.Length && layers.AddressOffset + (2 * layers.AddressLength) <= record.Length;
        }

        return true;
    }

    [Fact]
    public void Vlan_ids_are_outer_then_inner()
    {
        var layers = PacketDissector.Dissect(LinkTypes.Ethernet, TestPackets.WithVlanTags(TestPackets.Frame, 0x88a8, 0x1c8, 0x8100, 0x2064));
        Assert.Equal(2, layers.VlanCount);
        Assert.Equal(0x1c8, layers.OuterVlanId);
        Assert.Equal(0x064, layers.InnerVlanId); // priority bits are not part of the id
    }

    public static TheoryData<string, uint, byte[], RecordClass> OtherRecords()
    {
        var frame = TestPackets.Frame;
        byte[] fragment = [.. frame];
        fragment[FieldLocations.Ipv4FlagsFragment] |= 0x20; // more fragments
        byte[] tcp = [.. frame];
        tcp[FieldLocations.Ipv4Protocol] = 6;
        byte[] otherPort = [.. frame];
        BinaryPrimitives.WriteUInt16BigEndian(otherPort.AsSpan(FieldLocations.UdpDestinationPort), 53);
        byte[] plainBfd = [.. frame[..FieldLocations.Bfd], .. frame.AsSpan(FieldLocations.Bfd, 24)];
        BinaryPrimitives.WriteUInt16BigEndian(plainBfd.AsSpan(FieldLocations.Ipv4TotalLength), 20 + 8 + 24);
        BinaryPrimitives.WriteUInt16BigEndian(plainBfd.AsSpan(FieldLocations.UdpLength), 8 + 24);
        byte[] echo = [.. frame];
        BinaryPrimitives.WriteUInt16BigEndian(echo.AsSpan(FieldLocations.UdpDestinationPort), 3785);
        var echoV6 = TestPackets.Ipv6Packet([1, 2, 3], 255, 3785);
        byte[] udpTooLong = [.. frame];
        BinaryPrimitives.WriteUInt16BigEndian(udpTooLong.AsSpan(FieldLocations.UdpLength), 200);
        byte[] bfdLengthBeyond = [.. frame];
        bfdLengthBeyond[FieldLocations.BfdLength] = 100;
        var ipv6Fragment = TestPackets.Ipv6Packet(TestPackets.Payload, 255, 3784, [17, 0, 0, 8, 0, 0, 0, 1]);
        ipv6Fragment[6] = 44;
        return new()
        {
            { "ARP", LinkTypes.Ethernet, [.. frame[..12], 0x08, 0x06, .. new byte[28]], RecordClass.Arp },
            { "LLC", LinkTypes.Ethernet, [.. frame[..12], 0x00, 0x26, .. new byte[38]], RecordClass.NotIp },
            { "three VLAN tags", LinkTypes.Ethernet, TestPackets.WithVlanTags(frame, 0x88a8, 1, 0x8100, 2, 0x8100, 3), RecordClass.NotIp },
            { "unknown link type", 65000, frame, RecordClass.UnsupportedLinkType },
            { "IPv4 fragment", LinkTypes.Ethernet, fragment, RecordClass.Fragment },
            { "IPv6 fragment", LinkTypes.Ipv6, ipv6Fragment, RecordClass.Fragment },
            { "TCP", LinkTypes.Ethernet, tcp, RecordClass.OtherIp },
            { "UDP to 53", LinkTypes.Ethernet, otherPort, RecordClass.OtherUdp },
            { "plain BFD", LinkTypes.Ethernet, plainBfd, RecordClass.BfdWithoutExtension },
            { "BFD echo", LinkTypes.Ethernet, echo, RecordClass.BfdEcho },
            { "BFD echo over IPv6, 3 bytes", LinkTypes.Ipv6, echoV6, RecordClass.BfdEcho },
            { "UDP length past the IP packet", LinkTypes.Ethernet, udpTooLong, RecordClass.Malformed },
            { "BFD Length past the payload", LinkTypes.Ethernet, bfdLengthBeyond, RecordClass.Malformed },
            { "cut in the Ethernet header", LinkTypes.Ethernet, frame[..10], RecordClass.CapturedTruncated },
            { "cut in the IPv4 header", LinkTypes.Ethernet, frame[..20], RecordClass.CapturedTruncated },
            { "cut in the BFD payload (snaplen 64)", LinkTypes.Ethernet, frame[..64], RecordClass.CapturedTruncated },
            { "null, unknown family", LinkTypes.Null, [99, 0, 0, 0, .. TestPackets.Ipv4Packet], RecordClass.NotIp },
            { "raw, version 5", LinkTypes.Raw, [0x50, .. new byte[30]], RecordClass.NotIp },
            { "empty", LinkTypes.Ethernet, [], RecordClass.CapturedTruncated },
        };
    }

    [Theory]
    [MemberData(nameof(OtherRecords))]
    public void Puts_every_other_record_in_its_class(string what, uint linkType, byte[] record, RecordClass expected)
    {
        Assert.True(PacketDissector.Dissect(linkType, record).Class == expected, what);
    }

    [Fact]
    public void Snap_length_truncation_reports_captured_and_needed_bytes()
    {
        var layers = PacketDissector.Dissect(LinkTypes.Ethernet, TestPackets.Frame[..64]);
        Assert.Equal(RecordClass.CapturedTruncated, layers.Class);
        Assert.Equal(64, layers.CapturedBytes);
        Assert.Equal(110, layers.NeededBytes);
    }

    [Fact]
    public void Udp_checksum_zero_is_none_over_ipv4_and_wrong_over_ipv6()
    {
        var v4 = TestPackets.Frame;
        v4[FieldLocations.UdpChecksum] = 0;
        v4[FieldLocations.UdpChecksum + 1] = 0;
        Assert.Equal(ChecksumState.Absent, PacketDissector.Dissect(LinkTypes.Ethernet, v4).UdpChecksum);

        var v6 = TestPackets.Ipv6Packet(TestPackets.Payload);
        v6[46] = 0;
        v6[47] = 0;
        Assert.Equal(ChecksumState.Mismatch, PacketDissector.Dissect(LinkTypes.Ipv6, v6).UdpChecksum);
    }

    [Fact]
    public void A_flipped_payload_bit_is_a_checksum_mismatch_the_dissector_reports_and_the_decoder_calls_a_warning()
    {
        var frame = TestPackets.Frame;
        frame[FieldLocations.C1] ^= 1;
        var layers = PacketDissector.Dissect(LinkTypes.Ethernet, frame);
        Assert.Equal(ChecksumState.Mismatch, layers.UdpChecksum);
        Assert.Equal(ChecksumState.Valid, layers.Ipv4HeaderChecksum);

        using var authenticator = FrameAuthenticator.ForProofKey();
        var problems = new List<FrameProblem>();
        FrameDecoder.TryDecodeCaptured(frame, layers, authenticator, problems, out _);
        Assert.Equal([FrameProblemKind.UdpChecksum, FrameProblemKind.TagMismatch], problems.Select(p => p.Kind));
        Assert.True(FrameDecoder.IsChecksumWarning(problems[0].Kind));
        Assert.False(FrameDecoder.IsChecksumWarning(problems[1].Kind));
    }

    [Theory]
    [InlineData(3784, 254, true)]
    [InlineData(3784, 255, false)]
    [InlineData(4784, 1, false)] // multihop (RFC 5883): any hop limit
    public void Single_hop_needs_hop_limit_255(ushort port, byte hopLimit, bool problem)
    {
        var packet = TestPackets.Ipv6Packet(TestPackets.Payload, hopLimit, port);
        var layers = PacketDissector.Dissect(LinkTypes.Ipv6, packet);
        using var authenticator = FrameAuthenticator.ForProofKey();
        var problems = new List<FrameProblem>();
        FrameDecoder.TryDecodeCaptured(packet, layers, authenticator, problems, out _);
        Assert.Equal(problem, problems.Exists(p => p.Kind == FrameProblemKind.Ipv4Ttl && p.Offset == 7));
        Assert.Equal(!problem, FrameScreen.IsCleanCaptured(packet, layers, authenticator, new byte[FieldLengths.Tag]));
    }
}
