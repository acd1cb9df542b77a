using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Wire;

public sealed class FrameCodecTests
{
    [Fact]
    public void Encoded_frame_decodes_to_the_same_fields_without_problems_and_reencodes_identically()
    {
        var bytes = TestFrames.Encode(TestFrames.Sample);

        var problems = new List<FrameProblem>();
        using var authenticator = FrameAuthenticator.ForProofKey();
        Assert.True(FrameDecoder.TryDecode(bytes, authenticator, problems, out var decoded));

        Assert.Empty(problems);
        Assert.Equal(TestFrames.Sample, decoded);
        Assert.Equal(bytes, TestFrames.Encode(decoded));
    }

    [Fact]
    public void Fixed_fields_sit_at_the_offsets_of_the_seed_table()
    {
        var f = TestFrames.Encode(TestFrames.Sample);

        Assert.Equal(110, f.Length);
        Assert.Equal(new byte[] { 0x02, 0x4D, 0x56, 0x50, 0x53, 0x14 }, f[0..6]);
        Assert.Equal(new byte[] { 0x02, 0x4D, 0x56, 0x50, 0x53, 0x0A }, f[6..12]);
        Assert.Equal(0x0800, BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(12)));
        Assert.Equal(0x45, f[14]);
        Assert.Equal(96, BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(16)));
        Assert.Equal(1000, BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(18)));
        Assert.Equal(0x4000, BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(20)));
        Assert.Equal(255, f[22]);
        Assert.Equal(17, f[23]);
        Assert.Equal(new byte[] { 203, 0, 113, 10, 203, 0, 113, 20 }, f[26..34]);
        Assert.Equal(49152, BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(34)));
        Assert.Equal(3784, BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(36)));
        Assert.Equal(76, BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(38)));
        Assert.Equal(0x20, f[42]);          // version 1, diag 0
        Assert.Equal(0xC0, f[43]);          // state Up, no flags (A clear)
        Assert.Equal(24, f[45]);
        Assert.Equal(3, f[66]);
        Assert.Equal("COHE", Encoding.ASCII.GetString(f, 74, 4));
        Assert.Equal(1000u, BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(78)));
        Assert.Equal(-1234, BinaryPrimitives.ReadInt32BigEndian(f.AsSpan(82)));
        Assert.Equal(0x3F000000u, BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(90)));
        Assert.Equal(0x3E800000u, BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(94)));
    }

    [Fact]
    public void Tag_is_the_first_12_bytes_of_HMAC_SHA256_over_bytes_42_to_97_with_the_proof_key()
    {
        var f = TestFrames.Encode(TestFrames.Sample);

        var full = HMACSHA256.HashData(Encoding.ASCII.GetBytes("MVPS-shared-secret-deterministic-2026"), f.AsSpan(42, 56));

        Assert.Equal(full[..12], f[98..110]);
    }

    [Fact]
    public void A_different_key_gives_a_different_tag_that_the_proof_key_rejects()
    {
        var f = new byte[110];
        using (var other = new FrameAuthenticator("another key"u8))
        {
            FrameEncoder.Write(TestFrames.Sample, other, f);
        }

        Assert.Contains(TestFrames.Problems(f), p => p.Kind == FrameProblemKind.TagMismatch && p.Offset == 98);
    }

    [Fact]
    public void Encoder_never_writes_a_zero_udp_checksum()
    {
        // Search ticks until one would produce a computed checksum of zero, and check it is sent as 0xFFFF.
        for (uint tick = 0; tick < 400_000; tick++)
        {
            var f = TestFrames.Encode(TestFrames.Sample with { Tick = tick });
            var sent = BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(40));
            Assert.NotEqual(0, sent);
            if (sent == 0xFFFF)
            {
                Assert.Empty(TestFrames.Problems(f));
                return;
            }
        }

        Assert.Fail("no tick in range produced an all-ones checksum; widen the search");
    }

    [Fact]
    public void Encoder_rejects_a_destination_shorter_than_a_frame()
    {
        using var authenticator = FrameAuthenticator.ForProofKey();
        Assert.Throws<ArgumentException>(() => FrameEncoder.Write(TestFrames.Sample, authenticator, new byte[109]));
    }
}
