using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mvps.Tool.Send;
using Mvps.Codec.Wire;

namespace Mvps.Tool.Tests;

/// <summary>
/// `mvps send`'s reception: what becomes of each datagram from the peer's address, in which order the checks
/// apply, and that judging, counting and reading datagrams allocate nothing, so a flood cannot grow memory
/// (the live flood is FloodTests in the interop tests).
/// </summary>
public sealed class PeerDatagramFilterTests
{
    private const uint Ours = 0x4D56_5053;
    private const uint Theirs = 0x7AFB_2E7A;

    private static readonly byte[] Key = System.Text.Encoding.ASCII.GetBytes(WireConstants.ProofKeyText);

    /// <summary>A peer's plain 24-byte BFD packet, as FRR sends it.</summary>
    private static byte[] Plain(BfdState state = BfdState.Up, uint your = Ours, uint my = Theirs)
    {
        var p = new byte[FieldLengths.BfdControl];
        p[0] = 0x20;
        p[1] = (byte)((int)state << 6);
        p[2] = 3;
        p[3] = FieldLengths.BfdControl;
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(4), my);
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(8), your);
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(12), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(16), 100_000);
        return p;
    }

    /// <summary>The same packet followed by a Coherence extension whose tag is computed with <see cref="Key"/>.</summary>
    private static byte[] Tagged()
    {
        var p = new byte[FieldLengths.UdpPayload];
        Plain().CopyTo(p, 0);
        p[PayloadLocations.ExtensionVersion] = WireConstants.ExtensionVersion;
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(PayloadLocations.VantageId), 20);
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(PayloadLocations.LatticePeriod), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(PayloadLocations.Magic), WireConstants.Magic);
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(PayloadLocations.Tick), 1000);
        using var authenticator = new FrameAuthenticator(Key);
        authenticator.ComputePayloadTag(p, p.AsSpan(PayloadLocations.Tag));
        return p;
    }

    private static byte[] With(byte[] packet, Action<byte[]> change)
    {
        byte[] copy = [.. packet];
        change(copy);
        return copy;
    }

    // The verdict travels by name: PacketVerdict is internal to the tool, and a public theory cannot take it.
    public static TheoryData<string, byte[], int, string> Cases => new()
    {
        { "FRR's plain packet", Plain(), 255, nameof(PacketVerdict.Accepted) },
        { "an MVPS frame tagged with our key", Tagged(), 255, nameof(PacketVerdict.Accepted) },
        { "one byte over the limit", [.. Plain(), .. new byte[PeerDatagramFilter.MaxDatagramLength + 1 - 24]], 255, nameof(PacketVerdict.Oversized) },
        { "oversized beats a wrong TTL", new byte[1400], 254, nameof(PacketVerdict.Oversized) },
        { "TTL 254", Plain(), 254, nameof(PacketVerdict.WrongTtl) },
        { "no TTL from the kernel", Plain(), -1, nameof(PacketVerdict.WrongTtl) },
        { "TTL is checked before anything in the packet", new byte[3], 1, nameof(PacketVerdict.WrongTtl) },
        { "23 bytes", new byte[23], 255, nameof(PacketVerdict.Truncated) },
        { "version 0", With(Plain(), p => p[0] = 0x00), 255, nameof(PacketVerdict.WrongVersion) },
        { "Length beyond the datagram", With(Plain(), p => p[3] = 25), 255, nameof(PacketVerdict.BadLength) },
        { "Your Discriminator of another session", Plain(your: 0x1234_5678), 255, nameof(PacketVerdict.UnknownYourDiscriminator) },
        { "Your Discriminator 0 while Up", Plain(your: 0), 255, nameof(PacketVerdict.ZeroYourDiscriminator) },
        { "My Discriminator 0", Plain(my: 0), 255, nameof(PacketVerdict.ZeroMyDiscriminator) },
        { "one byte after the BFD packet", [.. Plain(), 0], 255, nameof(PacketVerdict.MalformedExtension) },
        { "the longest datagram, not an extension", [.. Plain(), .. new byte[PeerDatagramFilter.MaxDatagramLength - 24]], 255, nameof(PacketVerdict.MalformedExtension) },
        { "extension with the wrong magic", With(Tagged(), p => p[PayloadLocations.Magic] ^= 1), 255, nameof(PacketVerdict.MalformedExtension) },
        { "extension version 4", With(Tagged(), p => p[PayloadLocations.ExtensionVersion] = 4), 255, nameof(PacketVerdict.MalformedExtension) },
        { "one tag bit flipped", With(Tagged(), p => p[^1] ^= 1), 255, nameof(PacketVerdict.BadTag) },
        { "a tick changed under the tag", With(Tagged(), p => p[PayloadLocations.Tick + 3] ^= 1), 255, nameof(PacketVerdict.BadTag) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_datagram_gets_the_verdict_of_the_first_check_it_fails(string what, byte[] datagram, int ttl, string expected)
    {
        var (filter, _) = UpFilter();

        Assert.True(Enum.Parse<PacketVerdict>(expected) == filter.Receive(datagram, datagram.Length, ttl, 10), what);
    }

    [Fact]
    public void A_datagram_longer_than_the_buffer_is_judged_by_its_real_length_without_reading_past_the_buffer()
    {
        var (filter, _) = UpFilter();
        var buffer = Plain().Concat(new byte[PeerDatagramFilter.MaxDatagramLength - 24]).ToArray();

        Assert.Equal(PacketVerdict.Oversized, filter.Receive(buffer, 65_507, 255, 10));
    }

    [Fact]
    public void A_discarded_datagram_leaves_the_session_alone()
    {
        var (filter, session) = UpFilter();
        var transitions = session.Transitions.Count;

        Assert.Equal(PacketVerdict.WrongTtl, filter.Receive(Plain(BfdState.Down, your: 0), 24, 254, 20));
        Assert.Equal(PacketVerdict.BadTag, filter.Receive(With(Tagged(), p => p[1] = (byte)((int)BfdState.Down << 6)), 68, 255, 30));

        Assert.Equal(BfdState.Up, session.State);
        Assert.Equal(transitions, session.Transitions.Count);
        Assert.False(session.CheckDetection(40));
    }

    [Fact]
    public void The_discard_order_lists_every_rejection_once_and_nothing_else()
    {
        PacketVerdict[] rejections = [.. Enum.GetValues<PacketVerdict>().Where(v => v.IsRejection())];

        Assert.Equal(rejections.Order(), DiscardCounts.Reasons.Order());
        Assert.Equal(DiscardCounts.Reasons.Count, DiscardCounts.Reasons.Distinct().Count());
        Assert.All(DiscardCounts.Reasons, reason => Assert.DoesNotContain(reason.ToString(), SendText.Verdict(reason)));
    }

    [Fact]
    public void Judging_and_counting_a_flood_allocates_nothing()
    {
        var (filter, session) = UpFilter();
        var counts = new DiscardCounts();
        (byte[] Datagram, int Ttl)[] flood = [.. Cases.Select(c => ((byte[])c[1], (int)c[2]))];
        JudgeAll(filter, counts, flood, 1); // the first calls compile and load what they need

        var before = GC.GetAllocatedBytesForCurrentThread();
        JudgeAll(filter, counts, flood, 5_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(BfdState.Up, session.State);
        Assert.Equal(5_001L * 2, counts[PacketVerdict.BadTag]);
    }

    [Fact]
    public void Reading_datagrams_with_their_TTL_allocates_nothing_and_reports_the_real_length()
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { Ttl = 255 };
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var reader = new TtlDatagramReader(receiver, new byte[PeerDatagramFilter.MaxDatagramLength]);
        var big = new byte[1000];
        const int Rounds = 20;
        const int PerRound = 25;

        long allocated = 0;
        var seen = new List<(int Length, int Ttl)>();
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < PerRound; i++)
            {
                sender.SendTo(i == 0 ? big : Plain(), receiver.LocalEndPoint!);
            }

            var read = 0;
            var clock = Stopwatch.StartNew();
            while (read < PerRound)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var got = reader.TryReceive(out var length, out var address, out var port, out var ttl);
                var after = GC.GetAllocatedBytesForCurrentThread();
                if (round > 0)
                {
                    allocated += after - before; // round 0 compiles the P/Invoke stub
                }

                if (got)
                {
                    read++;
                    seen.Add((length, ttl));
                    Assert.Equal(0x7F00_0001u, address);
                    Assert.Equal(((IPEndPoint)sender.LocalEndPoint!).Port, port);
                }
                else
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"round {round}: {read} of {PerRound} datagrams arrived");
                    receiver.Poll(TimeSpan.FromMilliseconds(100), SelectMode.SelectRead);
                }
            }
        }

        Assert.Equal(0, allocated);
        Assert.All(seen, s => Assert.Equal(255, s.Ttl));
        Assert.Equal(Rounds, seen.Count(s => s.Length == big.Length));
        Assert.Equal(Rounds * (PerRound - 1), seen.Count(s => s.Length == FieldLengths.BfdControl));
        Assert.Equal(0, reader.KernelDrops());
        Assert.Equal("127.0.0.1:3784", TtlDatagramReader.EndPoint(0x7F00_0001u, 3784).ToString());
    }

    private static void JudgeAll(PeerDatagramFilter filter, DiscardCounts counts, (byte[] Datagram, int Ttl)[] flood, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (datagram, ttl) in flood)
            {
                var verdict = filter.Receive(datagram, datagram.Length, ttl, 100 + round);
                if (verdict.IsRejection())
                {
                    counts.Add(verdict);
                }
            }
        }
    }

    /// <summary>A session brought Up through the filter (the peer Down, then Up), and the filter.</summary>
    private static (PeerDatagramFilter Filter, BfdSession Session) UpFilter()
    {
        var session = new BfdSession(new BfdSessionSettings(Ours, 3, 100_000, 100_000));
        var filter = new PeerDatagramFilter(session, new FrameAuthenticator(Key));
        Assert.Equal(PacketVerdict.Accepted, filter.Receive(Plain(BfdState.Down, your: 0), 24, 255, 0));
        Assert.Equal(PacketVerdict.Accepted, filter.Receive(Plain(BfdState.Up), 24, 255, 1));
        Assert.Equal(BfdState.Up, session.State);
        return (filter, session);
    }
}
