using Mvps.Codec.Wire;
using static Mvps.Tests.Shared.BfdTestPackets;

namespace Mvps.Codec.Tests.Wire;

/// <summary>The head of the RFC 5880 §4.2–4.4 authentication section, bounded by the packet's Length.</summary>
public sealed class BfdAuthenticationTests
{
    public static TheoryData<string, byte[], BfdAuthentication> Sections => new()
    {
        { "simple password", Authenticated(SimplePassword(2, "password")), new(BfdAuthenticationType.SimplePassword, 11, 2, null) },
        { "keyed MD5", Authenticated(Keyed(2, 24, 1, 99, 16)), new(BfdAuthenticationType.KeyedMd5, 24, 1, 99) },
        { "meticulous keyed MD5", Authenticated(Keyed(3, 24, 7, 0xFFFFFFFF, 16)), new(BfdAuthenticationType.MeticulousKeyedMd5, 24, 7, 0xFFFFFFFF) },
        { "keyed SHA1", Authenticated(Keyed(4, 28, 5, 123456, 20)), new(BfdAuthenticationType.KeyedSha1, 28, 5, 123456) },
        { "meticulous keyed SHA1", Authenticated(Keyed(5, 28, 255, 1, 20)), new(BfdAuthenticationType.MeticulousKeyedSha1, 28, 255, 1) },
        { "unknown type: no sequence number", Authenticated([9, 8, 3, 0, 1, 2, 3, 4]), new((BfdAuthenticationType)9, 8, 3, null) },
        { "Length 26: type and length only", Authenticated([4, 28]), new(BfdAuthenticationType.KeyedSha1, 28, null, null) },
        { "Length 27: and the key id", Authenticated([4, 28, 6]), new(BfdAuthenticationType.KeyedSha1, 28, 6, null) },
        { "SHA1 cut at Length 31: no sequence number", Authenticated([4, 28, 6, 0, 1, 2, 3]), new(BfdAuthenticationType.KeyedSha1, 28, 6, null) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Reads_type_length_key_and_sequence(string what, byte[] packet, BfdAuthentication expected)
    {
        Assert.True(BfdAuthentication.TryRead(packet, out var authentication), what);
        Assert.Equal(expected, authentication);
    }

    [Fact]
    public void Nothing_without_the_A_bit_or_without_room_for_type_and_length()
    {
        var withoutABit = Authenticated(Keyed(4, 28, 5, 1, 20));
        withoutABit[PayloadLocations.BfdStateFlags] &= 0xFB;
        Assert.False(BfdAuthentication.TryRead(withoutABit, out _));
        var aBitOnly = Control(0, 3, 0x04, 3, 1, 2, 3, 4, 5);
        Assert.False(BfdAuthentication.TryRead(aBitOnly, out _));
        Assert.False(BfdAuthentication.TryRead(Authenticated([4]), out _));
        Assert.False(BfdAuthentication.TryRead(aBitOnly[..20], out _));

        // The section is what the Length covers: bytes after it (an MVPS extension) are not read as one.
        var mvpsWithABit = TestPackets.Payload;
        mvpsWithABit[PayloadLocations.BfdStateFlags] |= 0x04;
        Assert.False(BfdAuthentication.TryRead(mvpsWithABit, out _));
    }

    [Fact]
    public void A_Length_beyond_the_bytes_reads_only_the_bytes_there()
    {
        var packet = Authenticated(Keyed(4, 28, 5, 77, 20))[..30];
        Assert.True(BfdAuthentication.TryRead(packet, out var authentication));
        Assert.Equal(new BfdAuthentication(BfdAuthenticationType.KeyedSha1, 28, 5, null), authentication);
    }
}
