using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Wire;

/// <summary>Every problem the decoder knows, triggered on purpose, with the offset it must name.</summary>
public sealed class FrameDecoderProblemTests
{
    public static TheoryData<string, int, byte, int, FrameProblemKind> Mutations => new()
    {
        { "EtherType ARP", 13, 0x06, 12, FrameProblemKind.WrongEtherType },
        { "IPv6 version nibble", 14, 0x65, 14, FrameProblemKind.NotIpv4 },
        { "IPv4 options (IHL 6)", 14, 0x46, 14, FrameProblemKind.Ipv4Options },
        { "total length", 17, 0x61, 16, FrameProblemKind.Ipv4TotalLength },
        { "more fragments", 20, 0x60, 20, FrameProblemKind.Ipv4Fragment },
        { "fragment offset", 21, 0x01, 20, FrameProblemKind.Ipv4Fragment },
        { "TTL 254", 22, 254, 22, FrameProblemKind.Ipv4Ttl },
        { "TCP", 23, 6, 23, FrameProblemKind.NotUdp },
        { "IP checksum", 24, 0x00, 24, FrameProblemKind.Ipv4Checksum },
        { "source port 1234", 34, 0x04, 34, FrameProblemKind.UdpSourcePort },
        { "destination port 4784", 36, 0x12, 36, FrameProblemKind.UdpDestinationPort },
        { "UDP length", 39, 0x4D, 38, FrameProblemKind.UdpLength },
        { "UDP checksum", 41, 0x00, 40, FrameProblemKind.UdpChecksum },
        { "BFD version 0", 42, 0x00, 42, FrameProblemKind.BfdVersion },
        { "BFD A bit", 43, 0xC4, 43, FrameProblemKind.BfdAuthenticationPresent },
        { "BFD detect mult 0", 44, 0, 44, FrameProblemKind.BfdDetectMultiplier },
        { "BFD length 26", 45, 26, 45, FrameProblemKind.BfdLength },
        { "extension version 2", 66, 2, 66, FrameProblemKind.ExtensionVersion },
        { "reserved flag", 67, 0x01, 67, FrameProblemKind.ExtensionReservedFlags },
        { "magic", 74, (byte)'X', 74, FrameProblemKind.Magic },
        { "tag", 109, 0x00, 98, FrameProblemKind.TagMismatch },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Each_mutation_is_reported_with_its_offset(string what, int offset, byte value, int fieldOffset, FrameProblemKind expected)
    {
        var f = TestFrames.Encode(TestFrames.Sample);
        Assert.NotEqual(value, f[offset]); // the mutation must change something
        f[offset] = value;

        var problems = TestFrames.Problems(f);

        var problem = Assert.Single(problems, p => p.Kind == expected);
        Assert.Equal(fieldOffset, problem.Offset);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail), what);
    }

    [Fact]
    public void Strict_mode_names_every_broken_field_not_only_the_first()
    {
        // docs/architecture.md ("Why this cut"): the reason the strict check reads fixed offsets instead of dissecting.
        var f = TestFrames.Encode(TestFrames.Sample);
        f[13] = 0x06; // EtherType ARP: a dissector would stop here
        f[22] = 254;  // TTL
        f[74] = (byte)'X'; // magic

        var problems = TestFrames.Problems(f);

        Assert.Contains(problems, p => p.Kind == FrameProblemKind.WrongEtherType && p.Offset == 12);
        Assert.Contains(problems, p => p.Kind == FrameProblemKind.Ipv4Ttl && p.Offset == 22);
        Assert.Contains(problems, p => p.Kind == FrameProblemKind.Magic && p.Offset == 74);
    }

    [Fact]
    public void Zero_udp_checksum_is_reported_as_absent()
    {
        var f = TestFrames.Encode(TestFrames.Sample);
        f[40] = 0;
        f[41] = 0;

        Assert.Contains(TestFrames.Problems(f), p => p.Kind == FrameProblemKind.UdpChecksumAbsent && p.Offset == 40);
    }

    [Fact]
    public void Zero_my_discriminator_is_reported()
    {
        var f = TestFrames.Encode(TestFrames.Sample with { Bfd = TestFrames.Sample.Bfd with { MyDiscriminator = 0 } });

        Assert.Contains(TestFrames.Problems(f), p => p.Kind == FrameProblemKind.BfdMyDiscriminator && p.Offset == 46);
    }

    [Fact]
    public void Truncated_frame_is_reported_at_its_end_and_not_decoded()
    {
        var f = TestFrames.Encode(TestFrames.Sample);
        var problems = new List<FrameProblem>();

        Assert.False(FrameDecoder.TryDecode(f.AsSpan(0, 60), null, problems, out _));

        var problem = Assert.Single(problems);
        Assert.Equal(FrameProblemKind.Truncated, problem.Kind);
        Assert.Equal(60, problem.Offset);
    }

    [Fact]
    public void Trailing_bytes_are_reported_after_offset_110()
    {
        byte[] f = [.. TestFrames.Encode(TestFrames.Sample), 0xAA, 0xBB];

        var problem = Assert.Single(TestFrames.Problems(f));
        Assert.Equal(FrameProblemKind.TrailingBytes, problem.Kind);
        Assert.Equal(110, problem.Offset);
    }

    [Fact]
    public void Every_single_bit_flip_in_the_frame_is_detected()
    {
        var original = TestFrames.Encode(TestFrames.Sample);
        for (var bit = 0; bit < 110 * 8; bit++)
        {
            var f = (byte[])original.Clone();
            f[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            var headerOnly = bit / 8 < 14 && bit / 8 != 12 && bit / 8 != 13; // MAC addresses are not judged
            if (!headerOnly)
            {
                Assert.NotEmpty(TestFrames.Problems(f));
            }
        }
    }
}
