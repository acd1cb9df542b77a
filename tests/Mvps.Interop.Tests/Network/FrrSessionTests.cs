using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Mvps.Codec.Wire;
using Mvps.Interop.Tests.Infrastructure;
using Mvps.Tool.Send;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// Part 3 of the wire proof: FRRouting's bfdd, a real RFC 5880 implementation, runs a session with `mvps send`.
/// Our lattice is 100 ms (so detection times are 300 ms both ways, safe on a busy two-core machine); FRR asks for
/// 50 ms and Detect Mult 3.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class FrrSessionTests
{
    private const uint LatticeUs = 100_000;

    [NetworkFact("tcpdump", "vtysh", NetworkRequirements.Zebra, NetworkRequirements.Bfdd)]
    public void Baseline_FRR_brings_the_session_up_counts_every_packet_and_never_drops_it()
    {
        var session = FrrSession.Run("baseline", ticks: 60, LatticeUs, everyPacketCounted: true);

        Assert.True(session.ExitCode == 0, session.MvpsOutput);
        JsonElement summary = session.Summary;
        Assert.True(summary.GetProperty("reachedUp").GetBoolean());
        Assert.Equal(0, summary.GetProperty("packetsDiscarded").GetInt64());
        Assert.Equal(0, summary.GetProperty("lostTicks").GetInt64());
        Assert.Equal("AdminDown", summary.GetProperty("finalState").GetString());

        // While Up: FRR knows our discriminator and has seen no session-down.
        Assert.Equal(FrrSession.MyDiscriminator, session.PeerWhenUp.GetProperty("remote-id").GetUInt32());
        Assert.Equal(0, session.CountersWhenUp.GetProperty("session-down").GetInt32());
        Assert.Equal(session.PeerWhenUp.GetProperty("id").GetUInt32(), summary.GetProperty("remoteDiscriminator").GetUInt32());

        // At the end: every packet we sent was counted; one Up; the one Down is the AdminDown we signalled.
        Assert.Equal(session.PacketsSent, session.CountersAtEnd.GetProperty("control-packet-input").GetInt64());
        Assert.Equal(1, session.CountersAtEnd.GetProperty("session-up").GetInt32());
        Assert.Equal(1, session.CountersAtEnd.GetProperty("session-down").GetInt32());
        Assert.Equal("administratively down", session.PeerAtEnd.GetProperty("remote-diagnostic").GetString());
        Assert.DoesNotContain(session.FrrStateChanges, change => change.Contains("control-expired", StringComparison.Ordinal));
        Assert.Equal("up -> down reason:neighbor-down", session.FrrStateChanges[^1]);

        AssertCapture(session);
        Summarize(session, "3-frr-baseline");
    }

    [NetworkFact("tcpdump", "vtysh", NetworkRequirements.Zebra, NetworkRequirements.Bfdd)]
    public void Ddos_lost_ticks_expire_FRR_detection_time_and_the_session_comes_back_up()
    {
        var session = FrrSession.Run("ddos", ticks: 150, LatticeUs, everyPacketCounted: false);

        Assert.True(session.ExitCode == 0, session.MvpsOutput);
        JsonElement summary = session.Summary;
        Assert.True(summary.GetProperty("lostTicks").GetInt64() >= FrrPeer.DetectMultiplier, session.MvpsOutput);

        // FRR recorded at least one detection-time expiry, and the session came up again after the first one.
        var changes = session.FrrStateChanges;
        int firstExpiry = changes.ToList().FindIndex(c => c == "up -> down reason:control-expired");
        Assert.True(firstExpiry >= 0, "FRR logged no control-expired session down:\n" + string.Join('\n', changes));
        Assert.Contains(changes.Skip(firstExpiry + 1), c => c.EndsWith("-> up", StringComparison.Ordinal));
        Assert.True(session.CountersAtEnd.GetProperty("session-down").GetInt32() >= 2);
        Assert.True(session.CountersAtEnd.GetProperty("session-up").GetInt32() >= 2);
        // bfdd counts every packet of ours except, possibly, those with Your Discriminator 0 that reach it while its
        // session is still Init or Up (after our own detection timer expired first): it drops those uncounted.
        long input = session.CountersAtEnd.GetProperty("control-packet-input").GetInt64();
        Assert.InRange(input, session.PacketsSent - session.ZeroYourDiscriminatorPackets, session.PacketsSent);
        Assert.Contains(session.Transitions, t => t.GetProperty("previousLocalState").GetString() == "Up" && t.GetProperty("localState").GetString() == "Down");

        AssertCapture(session);
        // The capture shows it too: FRR's own packets say Down with diagnostic 1, and later Up again.
        List<BfdControlPacket> frr = [.. CaptureFile.Frames(session.FrrCapture).Select(f => BfdSession.ReadControlPacket(f.AsSpan(FieldLocations.Bfd)))];
        int expired = frr.FindIndex(p => p.State == BfdState.Down && p.Diagnostic == BfdDiagnostic.ControlDetectionTimeExpired);
        Assert.True(expired >= 0, "no FRR packet with state Down and diagnostic 1 (control detection time expired) in the capture");
        Assert.Contains(frr.Skip(expired), p => p.State == BfdState.Up);
        Summarize(session, "4-frr-ddos");
    }

    /// <summary>
    /// Our direction verifies as MVPS frames, every one we sent; FRR's direction is plain RFC 5880/5881 BFD
    /// (24 bytes, TTL 255, valid checksums) for one session: its discriminator and ours throughout.
    /// </summary>
    private static void AssertCapture(FrrSession session)
    {
        var verify = MvpsCli.Run("verify", "--quiet", session.OursCapture);
        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
        Assert.StartsWith($"{session.OursCapture}: OK, {session.PacketsSent} ", verify.Lines[0], StringComparison.Ordinal);

        List<byte[]> ours = CaptureFile.Frames(session.OursCapture);
        Assert.All(ours, frame => Assert.Equal(FrrSession.MyDiscriminator, BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(FieldLocations.BfdMyDiscriminator))));
        Assert.Single(ours.Select(frame => BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(FieldLocations.UdpSourcePort))).Distinct());

        List<byte[]> frr = CaptureFile.Frames(session.FrrCapture);
        Assert.NotEmpty(frr);
        uint frrId = session.PeerAtEnd.GetProperty("id").GetUInt32();
        foreach (byte[] frame in frr)
        {
            Assert.Equal(FieldLocations.Bfd + FieldLengths.BfdControl, frame.Length);
            Assert.Equal(WireConstants.Ipv4Ttl, frame[FieldLocations.Ipv4Ttl]);
            Assert.Equal(0, InternetChecksum.Compute(frame.AsSpan(FieldLocations.Ipv4, FieldLengths.Ipv4Header)));
            Assert.Equal(0, InternetChecksum.ComputeUdp(frame.AsSpan(FieldLocations.Ipv4Source, 4), frame.AsSpan(FieldLocations.Ipv4Destination, 4), frame.AsSpan(FieldLocations.Udp)));
            Assert.Equal(WireConstants.UdpDestinationPort, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(FieldLocations.UdpDestinationPort)));
            Assert.True(BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(FieldLocations.UdpSourcePort)) >= WireConstants.UdpSourcePort);
            BfdControlPacket bfd = BfdSession.ReadControlPacket(frame.AsSpan(FieldLocations.Bfd));
            Assert.Equal(WireConstants.BfdVersion, bfd.Version);
            Assert.Equal(WireConstants.BfdLength, bfd.Length);
            Assert.Equal(frrId, bfd.MyDiscriminator);
            Assert.True(bfd.YourDiscriminator is 0 or FrrSession.MyDiscriminator);
        }

        // Both directions in one capture: our frames are MVPS frames of one session, FRR's are BFD without the extension.
        var both = MvpsCli.Run("verify", "--quiet", session.AllCapture);
        Assert.True(both.ExitCode == 0, both.StandardOutput + both.StandardError);
        Assert.Equal($"{session.AllCapture}: OK, {session.PacketsSent + frr.Count} records: {session.PacketsSent} MVPS (1 session), {frr.Count} BFD without extension", both.Lines[0]);
        Assert.StartsWith($"  session 1: vantage 10, discriminator 0x4d565053, 203.0.113.10 > 203.0.113.20: {session.PacketsSent} frames", both.Lines[1], StringComparison.Ordinal);
    }

    private static void Summarize(FrrSession session, string name)
    {
        JsonElement s = session.Summary;
        JsonElement counters = session.CountersAtEnd;
        InteropArtifacts.Summary(name,
        [
            string.Create(CultureInfo.InvariantCulture, $"- `mvps send --regime {session.Regime}` with FRR bfdd: exit {session.ExitCode}; sent {s.GetProperty("packetsSent").GetInt64()} packets ({s.GetProperty("lostTicks").GetInt64()} lost ticks silent), received {s.GetProperty("packetsReceived").GetInt64()}, discarded {s.GetProperty("packetsDiscarded").GetInt64()}; our session went Up {s.GetProperty("upTransitions").GetInt32()} time(s)."),
            string.Create(CultureInfo.InvariantCulture, $"  FRR: remote-id 0x{session.PeerWhenUp.GetProperty("remote-id").GetUInt32():x8} while up, control-packet-input {counters.GetProperty("control-packet-input").GetInt64()}, session-up {counters.GetProperty("session-up").GetInt32()}, session-down {counters.GetProperty("session-down").GetInt32()} (state changes: {string.Join("; ", session.FrrStateChanges.Select(c => c.Replace("reason:", "", StringComparison.Ordinal)).GroupBy(c => c).Select(g => $"{g.Count()}× {g.Key}"))})."),
            string.Create(CultureInfo.InvariantCulture, $"  Capture: {CaptureFile.Frames(session.OursCapture).Count} MVPS frames from 203.0.113.10 verify with `mvps verify`; {CaptureFile.Frames(session.FrrCapture).Count} plain BFD packets from FRR. Send time vs schedule: mean {s.GetProperty("sendErrorMeanNs").GetInt64() / 1000.0:0.0} µs, max {s.GetProperty("sendErrorMaxNs").GetInt64() / 1000.0:0.0} µs; baseline, poll(2) wake-up lateness in the same run: mean {s.GetProperty("pollLatenessMeanNs").GetInt64() / 1000.0:0.0} µs, max {s.GetProperty("pollLatenessMaxNs").GetInt64() / 1000.0:0.0} µs over {s.GetProperty("pollWaits").GetInt64()} waits."),
        ]);
    }
}
