using Mvps.Codec.Wire;
using Mvps.Tool.Send;

namespace Mvps.Tool.Tests.Send;

/// <summary>The RFC 5880 state machine of `mvps send`, driven by hand-made packets and a hand-moved clock.</summary>
public sealed class BfdSessionTests
{
    private const uint Ours = 0x4D56_5053;
    private const uint Theirs = 0x1234_5678;
    private const uint Interval = 100_000;

    private static BfdSession NewSession() => new(new BfdSessionSettings(Ours, 3, Interval, Interval));

    private static BfdControlPacket From(BfdState state, uint your = Ours, BfdFlags flags = BfdFlags.None, uint desiredTx = 50_000, uint requiredRx = 50_000, byte mult = 3, uint my = Theirs, byte version = 1, byte length = 24) =>
        new(version, BfdDiagnostic.NoDiagnostic, state, flags, mult, length, my, your, desiredTx, requiredRx, 0);

    private static BfdSession UpSession(long at = 0)
    {
        var session = NewSession();
        Assert.Equal(PacketVerdict.Accepted, session.Receive(From(BfdState.Down, your: 0), 24, at));
        Assert.Equal(PacketVerdict.Accepted, session.Receive(From(BfdState.Up), 24, at));
        Assert.Equal(BfdState.Up, session.State);
        return session;
    }

    /// <summary>The session casts the codec's §6.8.6 verdict to its own: each value must mean the same.</summary>
    [Fact]
    public void Every_codec_reception_verdict_is_the_session_verdict_of_the_same_name()
    {
        foreach (var reception in Enum.GetValues<BfdReception>())
        {
            Assert.Equal(reception == BfdReception.Valid ? nameof(PacketVerdict.Accepted) : reception.ToString(), ((PacketVerdict)reception).ToString());
        }
    }

    [Fact]
    public void A_new_session_is_Down_sends_slowly_and_knows_no_peer()
    {
        var session = NewSession();
        var packet = session.NextPacket();

        Assert.Equal(BfdState.Down, packet.State);
        Assert.Equal(0u, packet.YourDiscriminator);
        Assert.Equal(Ours, packet.MyDiscriminator);
        Assert.Equal(BfdControlPacket.SlowTxIntervalUs, packet.DesiredMinTxIntervalUs);
        Assert.Equal(Interval, packet.RequiredMinRxIntervalUs);
        Assert.Equal(BfdFlags.None, packet.Flags);
        Assert.Equal(24, packet.Length);
        Assert.Equal(BfdControlPacket.SlowTxIntervalUs, session.TransmitIntervalUs);
    }

    [Fact]
    public void Three_way_handshake_Down_then_Init_then_Up_learning_the_peer_discriminator()
    {
        var session = NewSession();

        session.Receive(From(BfdState.Down, your: 0), 24, 10);
        Assert.Equal(BfdState.Init, session.State);
        Assert.Equal(Theirs, session.RemoteDiscriminator);
        Assert.Equal(Theirs, session.NextPacket().YourDiscriminator);

        session.Receive(From(BfdState.Init), 24, 20);
        Assert.Equal(BfdState.Up, session.State);
        Assert.True(session.HasBeenUp);
        Assert.Equal([BfdState.Init, BfdState.Up], session.Transitions.Select(t => t.LocalState));
    }

    [Fact]
    public void Down_goes_straight_to_Up_when_the_peer_is_already_Init()
    {
        var session = NewSession();
        session.Receive(From(BfdState.Init), 24, 0);
        Assert.Equal(BfdState.Up, session.State);
    }

    [Fact]
    public void Going_Up_switches_to_the_fast_interval_with_a_Poll_Sequence_that_a_Final_ends()
    {
        var session = UpSession();
        Assert.True(session.Polling);
        var poll = session.NextPacket();
        Assert.Equal(BfdFlags.Poll, poll.Flags);
        Assert.Equal(Interval, poll.DesiredMinTxIntervalUs);
        Assert.Equal(Interval, session.TransmitIntervalUs); // max(100 ms desired, 50 ms the peer requires)

        session.Receive(From(BfdState.Up, flags: BfdFlags.Final), 24, 5);
        Assert.False(session.Polling);
        Assert.Equal(BfdFlags.None, session.NextPacket().Flags);
    }

    [Fact]
    public void A_Poll_from_the_peer_is_answered_by_one_Final_never_together_with_our_Poll()
    {
        var session = UpSession();
        session.Receive(From(BfdState.Up, flags: BfdFlags.Poll), 24, 5);
        Assert.True(session.FinalPending);

        Assert.Equal(BfdFlags.Final, session.NextPacket().Flags);
        Assert.False(session.FinalPending);
        Assert.Equal(BfdFlags.Poll, session.NextPacket().Flags); // our own Poll Sequence resumes
    }

    [Fact]
    public void The_transmit_interval_honours_a_slower_peer()
    {
        var session = UpSession();
        session.Receive(From(BfdState.Up, requiredRx: 300_000), 24, 5);
        Assert.Equal(300_000, session.TransmitIntervalUs);
    }

    [Theory]
    [InlineData(BfdState.Down)]
    [InlineData(BfdState.AdminDown)]
    public void Peer_Down_or_AdminDown_while_Up_takes_the_session_Down_with_diagnostic_3_and_the_slow_rate(BfdState peerState)
    {
        var session = UpSession();
        session.Receive(From(peerState), 24, 5);

        Assert.Equal(BfdState.Down, session.State);
        Assert.Equal(BfdDiagnostic.NeighborSignaledSessionDown, session.LocalDiagnostic);
        Assert.Equal(BfdControlPacket.SlowTxIntervalUs, session.NextPacket().DesiredMinTxIntervalUs);
        Assert.False(session.Polling);
    }

    [Fact]
    public void Detection_time_is_the_peer_multiplier_times_the_slower_of_our_rx_and_its_tx_and_expiry_forgets_the_peer()
    {
        var session = UpSession(at: 1_000);
        session.Receive(From(BfdState.Up, desiredTx: 200_000, mult: 4), 24, 1_000);
        Assert.Equal(4 * 200_000, session.DetectionTimeUs);

        Assert.False(session.CheckDetection(1_000 + 800_000));
        Assert.True(session.CheckDetection(1_000 + 800_001));
        Assert.Equal(BfdState.Down, session.State);
        Assert.Equal(BfdDiagnostic.ControlDetectionTimeExpired, session.LocalDiagnostic);
        Assert.Equal(0u, session.RemoteDiscriminator);
        Assert.Equal(0u, session.NextPacket().YourDiscriminator);
    }

    [Fact]
    public void A_valid_packet_restarts_the_detection_timer_and_Down_has_none()
    {
        var session = UpSession();
        session.Receive(From(BfdState.Up), 24, 100_000);
        Assert.False(session.CheckDetection(100_000 + 3 * Interval));

        var down = NewSession();
        Assert.False(down.CheckDetection(long.MaxValue / 2));
    }

    [Fact]
    public void AdminDown_sends_state_0_with_diagnostic_7_and_ignores_the_peer()
    {
        var session = UpSession();
        session.AdministrativelyDown(10);

        var packet = session.NextPacket();
        Assert.Equal(BfdState.AdminDown, packet.State);
        Assert.Equal(BfdDiagnostic.AdministrativelyDown, packet.Diagnostic);
        Assert.Equal(BfdControlPacket.SlowTxIntervalUs, packet.DesiredMinTxIntervalUs); // §6.8.3: not Up (found by fuzzing)
        Assert.Equal(PacketVerdict.IgnoredWhileAdminDown, session.Receive(From(BfdState.Down), 24, 20));
        Assert.Equal(BfdState.AdminDown, session.State);
        Assert.False(session.CheckDetection(long.MaxValue / 2));
        Assert.False(PacketVerdict.IgnoredWhileAdminDown.IsRejection());
    }

    // The verdict travels by name: PacketVerdict is internal to the tool, and a public theory cannot take it.
    public static TheoryData<string, string> BrokenPackets() => new()
    {
        { "version 2", nameof(PacketVerdict.WrongVersion) },
        { "length 20", nameof(PacketVerdict.BadLength) },
        { "length beyond datagram", nameof(PacketVerdict.BadLength) },
        { "detect mult 0", nameof(PacketVerdict.ZeroDetectMultiplier) },
        { "multipoint", nameof(PacketVerdict.MultipointSet) },
        { "my discriminator 0", nameof(PacketVerdict.ZeroMyDiscriminator) },
        { "someone else's discriminator", nameof(PacketVerdict.UnknownYourDiscriminator) },
        { "your discriminator 0 while Up", nameof(PacketVerdict.ZeroYourDiscriminator) },
        { "authentication", nameof(PacketVerdict.UnexpectedAuthentication) },
    };

    [Theory]
    [MemberData(nameof(BrokenPackets))]
    public void Section_6_8_6_discards_broken_packets_without_touching_the_session(string broken, string expected)
    {
        var packet = broken switch
        {
            "version 2" => From(BfdState.Up, version: 2),
            "length 20" => From(BfdState.Up, length: 20),
            "length beyond datagram" => From(BfdState.Up, length: 48),
            "detect mult 0" => From(BfdState.Up, mult: 0),
            "multipoint" => From(BfdState.Up, flags: BfdFlags.Multipoint),
            "my discriminator 0" => From(BfdState.Up, my: 0),
            "someone else's discriminator" => From(BfdState.Up, your: 0xDEAD_BEEF),
            "your discriminator 0 while Up" => From(BfdState.Up, your: 0),
            "authentication" => From(BfdState.Up, flags: BfdFlags.AuthenticationPresent, length: 26),
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };
        var session = NewSession();

        var verdict = session.Receive(packet, broken == "authentication" ? 26 : 24, 0);

        Assert.Equal(Enum.Parse<PacketVerdict>(expected), verdict);
        Assert.True(verdict.IsRejection());
        Assert.Equal(BfdState.Down, session.State);
        Assert.Equal(0u, session.RemoteDiscriminator);
        Assert.Empty(session.Transitions);
    }

    [Fact]
    public void A_payload_shorter_than_24_bytes_is_truncated()
    {
        Assert.Equal(PacketVerdict.Truncated, NewSession().Receive(new byte[23], 0));
    }

    [Fact]
    public void Packets_are_read_from_the_wire_bytes_of_an_MVPS_frame_and_of_a_plain_24_byte_packet()
    {
        var sent = From(BfdState.Init, flags: BfdFlags.Poll);
        var frame = new byte[FieldLengths.Frame];
        using var authenticator = FrameAuthenticator.ForProofKey();
        FrameEncoder.Write(new CoherenceFrame(sent, 3, 0, 10, 100_000, 1, 0, 1, 1, 1), authenticator, frame);

        Assert.Equal(sent, BfdSession.ReadControlPacket(frame.AsSpan(FieldLocations.Bfd)));
        Assert.Equal(sent, BfdSession.ReadControlPacket(frame.AsSpan(FieldLocations.Bfd, 24)));

        var session = NewSession();
        Assert.Equal(PacketVerdict.Accepted, session.Receive(frame.AsSpan(FieldLocations.Bfd), 0));
        Assert.Equal(BfdState.Up, session.State);
        Assert.True(session.FinalPending);
    }

    [Fact]
    public void Remote_state_changes_are_reported_as_transitions_too()
    {
        var session = UpSession();
        var before = session.Transitions.Count;
        session.AdministrativelyDown(1);
        session.Receive(From(BfdState.Down), 24, 2);

        var last = session.Transitions[^1];
        Assert.Equal(before + 2, session.Transitions.Count);
        Assert.Equal(BfdState.AdminDown, last.LocalState);
        Assert.Equal(BfdState.Down, last.RemoteState);
    }

    [Fact]
    public void Settings_refuse_a_zero_discriminator_or_multiplier()
    {
        Assert.Throws<ArgumentException>(() => new BfdSession(new BfdSessionSettings(0, 3, Interval, Interval)));
        Assert.Throws<ArgumentException>(() => new BfdSession(new BfdSessionSettings(Ours, 0, Interval, Interval)));
    }
}
