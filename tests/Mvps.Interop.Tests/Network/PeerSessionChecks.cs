using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Mvps.Tool.Send;
using Mvps.Codec.Wire;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// What must hold for every peer profile, in the terms of <see cref="PeerView"/> and <see cref="PeerStateChange"/>:
/// the baseline session comes Up and stays Up until our AdminDown with every packet counted; the DDoS regime's
/// lost ticks expire the peer's detection time and the session comes back; both captures verify.
/// </summary>
internal static class PeerSessionChecks
{
    /// <summary>Our lattice: 100 ms, so detection times are 300 ms both ways, safe on a busy two-core machine.</summary>
    public const uint LatticeUs = 100_000;

    public const int BaselineTicks = 60;

    public const int DdosTicks = 150;

    public static void Baseline(PeerSession session)
    {
        Assert.True(session.ExitCode == 0, session.MvpsOutput);
        var summary = session.Summary;
        Assert.True(summary.GetProperty("reachedUp").GetBoolean());
        Assert.Equal(0, summary.GetProperty("packetsDiscarded").GetInt64());
        Assert.Equal(0, summary.GetProperty("lostTicks").GetInt64());
        Assert.Equal("AdminDown", summary.GetProperty("finalState").GetString());

        // While Up: the peer has seen no session down; where it shows discriminators, they are ours and the one we learned.
        Assert.DoesNotContain(session.StateChangesWhenUp, change => change.IsUpToDown);
        Assert.Contains(session.StateChangesWhenUp, change => change.To == "Up");
        if (session.ViewWhenUp.RemoteDiscriminator is uint remote)
        {
            Assert.Equal(PeerSession.MyDiscriminator, remote);
        }

        if (session.ViewWhenUp.LocalDiscriminator is uint local)
        {
            Assert.Equal(local, session.PeerDiscriminator);
        }

        // At the end: every packet we sent was counted; one Up; the one Down is the AdminDown we signalled.
        Assert.Equal(session.PacketsSent, session.ViewAtEnd.PacketsCounted);
        Assert.True(session.ViewAtEnd.SawAdminDown);
        var changes = string.Join("; ", session.StateChanges);
        Assert.True(session.StateChanges.Count(c => c.To == "Up") == 1, changes);
        Assert.True(session.StateChanges.Count(c => c.IsUpToDown) == 1, changes);
        Assert.DoesNotContain(session.StateChanges, c => c.Reason == PeerStateChange.DetectionTimeExpired);
        Assert.Equal(new PeerStateChange("Up", "Down", PeerStateChange.NeighborSignalledDown), session.StateChanges[^1]);

        AssertCapture(session);
    }

    public static void Ddos(PeerSession session, int peerDetectMultiplier)
    {
        Assert.True(session.ExitCode == 0, session.MvpsOutput);
        var summary = session.Summary;
        Assert.True(summary.GetProperty("lostTicks").GetInt64() >= peerDetectMultiplier, session.MvpsOutput);

        // The peer recorded at least one detection-time expiry, and the session came up again after the first one.
        var changes = session.StateChanges.ToList();
        var firstExpiry = changes.FindIndex(c => c.IsUpToDown && c.Reason == PeerStateChange.DetectionTimeExpired);
        Assert.True(firstExpiry >= 0, $"{session.Peer} logged no Up -> Down from detection time expiry:\n" + string.Join('\n', changes));
        Assert.Contains(changes.Skip(firstExpiry + 1), c => c.To == "Up");
        Assert.True(changes.Count(c => c.IsUpToDown) >= 2, string.Join('\n', changes));
        Assert.True(changes.Count(c => c.To == "Up") >= 2, string.Join('\n', changes));
        // The peer counts every packet of ours except, possibly, those with Your Discriminator 0 that reach it while
        // its session is still Init or Up (after our own detection timer expired first): FRR drops those uncounted.
        Assert.InRange(session.ViewAtEnd.PacketsCounted, session.PacketsSent - session.ZeroYourDiscriminatorPackets, session.PacketsSent);
        Assert.Contains(session.Transitions, t => t.GetProperty("previousLocalState").GetString() == "Up" && t.GetProperty("localState").GetString() == "Down");

        AssertCapture(session);
        // The capture shows it too: the peer's own packets say Down with diagnostic 1, and later Up again.
        List<BfdControlPacket> theirs = [.. CaptureFile.Frames(session.PeerCapture).Select(f => BfdSession.ReadControlPacket(f.AsSpan(FieldLocations.Bfd)))];
        var expired = theirs.FindIndex(p => p.State == BfdState.Down && p.Diagnostic == BfdDiagnostic.ControlDetectionTimeExpired);
        Assert.True(expired >= 0, $"no {session.Peer} packet with state Down and diagnostic 1 (control detection time expired) in the capture");
        Assert.Contains(theirs.Skip(expired), p => p.State == BfdState.Up);
    }

    /// <summary>
    /// Our direction verifies as MVPS frames, every one we sent; the peer's direction is plain RFC 5880/5881 BFD
    /// (24 bytes, TTL 255, valid checksums, one source port; from 49152 up where the profile claims it) for one
    /// session: its discriminator and ours throughout.
    /// </summary>
    public static void AssertCapture(PeerSession session)
    {
        var verify = MvpsCli.Run("verify", "--quiet", session.OursCapture);
        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
        Assert.StartsWith($"{session.OursCapture}: OK, {session.PacketsSent} ", verify.Lines[0], StringComparison.Ordinal);

        var ours = CaptureFile.Frames(session.OursCapture);
        Assert.All(ours, frame => Assert.Equal(PeerSession.MyDiscriminator, BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(FieldLocations.BfdMyDiscriminator))));
        Assert.Single(ours.Select(frame => BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(FieldLocations.UdpSourcePort))).Distinct());

        var theirs = CaptureFile.Frames(session.PeerCapture);
        Assert.NotEmpty(theirs);
        // One source port for the session (RFC 5881 §4), whichever range the peer takes it from.
        Assert.Single(theirs.Select(frame => BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(FieldLocations.UdpSourcePort))).Distinct());
        foreach (var frame in theirs)
        {
            Assert.Equal(FieldLocations.Bfd + FieldLengths.BfdControl, frame.Length);
            Assert.Equal(WireConstants.Ipv4Ttl, frame[FieldLocations.Ipv4Ttl]);
            Assert.Equal(0, InternetChecksum.Compute(frame.AsSpan(FieldLocations.Ipv4, FieldLengths.Ipv4Header)));
            Assert.Equal(0, InternetChecksum.ComputeUdp(frame.AsSpan(FieldLocations.Ipv4Source, 4), frame.AsSpan(FieldLocations.Ipv4Destination, 4), frame.AsSpan(FieldLocations.Udp)));
            Assert.Equal(WireConstants.UdpDestinationPort, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(FieldLocations.UdpDestinationPort)));
            if (session.PeerUsesRfc5881SourcePorts)
            {
                Assert.True(BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(FieldLocations.UdpSourcePort)) >= WireConstants.UdpSourcePort);
            }

            var bfd = BfdSession.ReadControlPacket(frame.AsSpan(FieldLocations.Bfd));
            Assert.Equal(WireConstants.BfdVersion, bfd.Version);
            Assert.Equal(WireConstants.BfdLength, bfd.Length);
            Assert.Equal(session.PeerDiscriminator, bfd.MyDiscriminator);
            Assert.True(bfd.YourDiscriminator is 0 or PeerSession.MyDiscriminator);
        }

        // Both directions in one capture: our frames are MVPS frames of one session, the peer's are BFD without the extension.
        var both = MvpsCli.Run("verify", "--quiet", session.AllCapture);
        Assert.True(both.ExitCode == 0, both.StandardOutput + both.StandardError);
        Assert.Equal($"{session.AllCapture}: OK, {session.PacketsSent + theirs.Count} records: {session.PacketsSent} MVPS (1 session), {theirs.Count} BFD without extension", both.Lines[0]);
        Assert.StartsWith($"  session 1: vantage 10, discriminator 0x4d565053, 203.0.113.10 > 203.0.113.20: {session.PacketsSent} frames", both.Lines[1], StringComparison.Ordinal);
    }

    /// <summary>
    /// The session's lines of summary.md, and its cells of the per-peer table (peers/PEER_REGIME.json: the build
    /// adds which captures verified).
    /// </summary>
    public static void Summarize(PeerSession session, string displayName)
    {
        var s = session.Summary;
        var end = session.ViewAtEnd;
        var changes = StateChangeTally(session.StateChanges);
        InteropArtifacts.Summary($"3-{session.Peer}-{session.Regime}",
        [
            string.Create(CultureInfo.InvariantCulture, $"- `mvps send --regime {session.Regime}` with {displayName} ({session.PeerVersion}): exit {session.ExitCode}; sent {s.GetProperty("packetsSent").GetInt64()} packets ({s.GetProperty("lostTicks").GetInt64()} lost ticks silent), received {s.GetProperty("packetsReceived").GetInt64()}, discarded {s.GetProperty("packetsDiscarded").GetInt64()}; our session went Up {s.GetProperty("upTransitions").GetInt32()} time(s)."),
            string.Create(CultureInfo.InvariantCulture, $"  {displayName}: discriminator 0x{session.PeerDiscriminator:x8}, counted {end.PacketsCounted} packets of ours, state changes: {changes}."),
            string.Create(CultureInfo.InvariantCulture, $"  Capture: {CaptureFile.Frames(session.OursCapture).Count} MVPS frames from 203.0.113.10 verify with `mvps verify`; {CaptureFile.Frames(session.PeerCapture).Count} plain BFD packets from {displayName}. Send time vs schedule: mean {s.GetProperty("sendErrorMeanNs").GetInt64() / 1000.0:0.0} µs, max {s.GetProperty("sendErrorMaxNs").GetInt64() / 1000.0:0.0} µs; baseline, poll(2) wake-up lateness in the same run: mean {s.GetProperty("pollLatenessMeanNs").GetInt64() / 1000.0:0.0} µs, max {s.GetProperty("pollLatenessMaxNs").GetInt64() / 1000.0:0.0} µs over {s.GetProperty("pollWaits").GetInt64()} waits."),
        ]);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("peer", session.Peer);
            json.WriteString("displayName", displayName);
            json.WriteString("version", session.PeerVersion);
            json.WriteString("timers", session.PeerTimers);
            json.WriteString("regime", session.Regime);
            json.WriteNumber("packetsSent", session.PacketsSent);
            json.WriteNumber("packetsCounted", end.PacketsCounted);
            json.WriteString("stateChanges", changes);
            json.WriteEndObject();
        }

        InteropArtifacts.Write(Path.Combine("peers", $"{session.Peer}_{session.Regime}.json"), System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    /// <summary>"1× Down -> Init; 1× Init -> Up; 1× Up -> Down (neighbor signalled down)", in order of first occurrence.</summary>
    private static string StateChangeTally(IEnumerable<PeerStateChange> changes) =>
        string.Join("; ", changes.Select(c => c.ToString()).GroupBy(c => c).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()}× {g.Key}")));
}
