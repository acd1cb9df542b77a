using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Wire;

/// <summary>RFC 5880 §6.8.6 as the codec states it for every reader: each rule alone, and the first broken one in the RFC's order.</summary>
public sealed class BfdReceptionRulesTests
{
    private const uint Ours = 0x4D56_5053;

    private static BfdControlPacket Packet(BfdState state = BfdState.Up, uint your = Ours, BfdFlags flags = BfdFlags.None, byte mult = 3, uint my = 0x1234_5678, byte version = 1, byte length = 24) =>
        new(version, BfdDiagnostic.NoDiagnostic, state, flags, mult, length, my, your, 100_000, 100_000, 0);

    public static TheoryData<string, BfdControlPacket, int, BfdReception> Cases => new()
    {
        { "a valid Up packet", Packet(), 24, BfdReception.Valid },
        { "a Down packet that has not heard from us", Packet(BfdState.Down, your: 0), 24, BfdReception.Valid },
        { "an AdminDown packet with Your Discriminator 0", Packet(BfdState.AdminDown, your: 0), 24, BfdReception.Valid },
        { "Length below the datagram (an extension follows)", Packet(), 68, BfdReception.Valid },
        { "version 2, and everything else wrong too", Packet(version: 2, mult: 0, my: 0, length: 20), 24, BfdReception.WrongVersion },
        { "Length 23", Packet(length: 23), 24, BfdReception.BadLength },
        { "Length past the datagram", Packet(length: 25), 24, BfdReception.BadLength },
        { "A bit with Length 25: no room for Auth Type and Auth Len", Packet(flags: BfdFlags.AuthenticationPresent, length: 25), 25, BfdReception.BadLength },
        { "Detect Mult 0", Packet(mult: 0), 24, BfdReception.ZeroDetectMultiplier },
        { "Multipoint", Packet(flags: BfdFlags.Multipoint), 24, BfdReception.MultipointSet },
        { "My Discriminator 0", Packet(my: 0), 24, BfdReception.ZeroMyDiscriminator },
        { "Your Discriminator of another session", Packet(your: Ours + 1), 24, BfdReception.UnknownYourDiscriminator },
        { "Your Discriminator 0 while Up", Packet(your: 0), 24, BfdReception.ZeroYourDiscriminator },
        { "Your Discriminator 0 while Init", Packet(BfdState.Init, your: 0), 24, BfdReception.ZeroYourDiscriminator },
        { "A bit with Length 26, no authentication in use", Packet(flags: BfdFlags.AuthenticationPresent, length: 26), 26, BfdReception.UnexpectedAuthentication },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_packet_gets_the_first_rule_it_breaks(string what, BfdControlPacket packet, int received, BfdReception expected)
    {
        Assert.True(expected == BfdReceptionRules.Check(packet, received, Ours), what);
    }

    [Fact]
    public void A_payload_shorter_than_the_mandatory_section_is_truncated_and_a_full_one_is_read()
    {
        Assert.Equal(BfdReception.Truncated, BfdReceptionRules.Check(new byte[FieldLengths.BfdControl - 1], Ours));

        var frame = TestFrames.Encode(TestFrames.Sample);
        var payload = frame.AsSpan(FieldLocations.Bfd, FieldLengths.UdpPayload);
        var theirYour = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(payload[PayloadLocations.BfdYourDiscriminator..]);
        Assert.Equal(BfdReception.Valid, BfdReceptionRules.Check(payload, theirYour));
        Assert.Equal(BfdReception.UnknownYourDiscriminator, BfdReceptionRules.Check(payload, theirYour + 1));
    }
}
