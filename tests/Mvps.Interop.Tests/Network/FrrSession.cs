using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Mvps.Codec.Wire;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// One live session between `mvps send` in the vantage namespace and FRR's bfdd in the peer namespace, with
/// tcpdump capturing both directions on the peer's interface. Everything is awaited as a condition (a line from
/// mvps, a state from vtysh, a frame count in the capture), never slept for.
/// </summary>
internal sealed class FrrSession
{
    public const uint MyDiscriminator = 0x4D56_5053;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly byte[] VantageBytes = [203, 0, 113, 10];

    public required string Regime { get; init; }

    public required string Folder { get; init; }

    public string AllCapture => Path.Combine(Folder, $"session_{Regime}.pcap");

    public string OursCapture => Path.Combine(Folder, $"session_{Regime}_mvps.pcap");

    public string FrrCapture => Path.Combine(Folder, $"session_{Regime}_frr.pcap");

    public int ExitCode { get; private set; }

    public IReadOnlyList<JsonElement> Events { get; private set; } = [];

    public JsonElement Summary => Events[^1];

    public JsonElement PeerWhenUp { get; private set; }

    public JsonElement CountersWhenUp { get; private set; }

    public JsonElement PeerAtEnd { get; private set; }

    public JsonElement CountersAtEnd { get; private set; }

    public IReadOnlyList<string> FrrStateChanges { get; private set; } = [];

    public string MvpsOutput { get; private set; } = "";

    /// <summary>Our packets with Your Discriminator 0: bfdd drops those while its session is Init or Up ("not overridden").</summary>
    public int ZeroYourDiscriminatorPackets { get; private set; }

    public long PacketsSent => Summary.GetProperty("packetsSent").GetInt64();

    /// <summary>Runs the whole session: FRR up, capture listening, mvps send to its end, FRR's final view, capture complete.</summary>
    public static FrrSession Run(string regime, int ticks, uint latticeUs, bool everyPacketCounted)
    {
        var session = new FrrSession { Regime = regime, Folder = TemporaryFolder.Create("session-" + regime) };
        using (var network = TestNetwork.Create())
        {
            FrrPeer frr = FrrPeer.Start(network);
            var tcpdump = network.StartCapture(network.PeerNamespace, network.PeerInterface, session.AllCapture, "udp port 3784");
            var send = network.Start(network.VantageNamespace, ExternalProgram.Require("dotnet"), MvpsCli.DllPath, "send",
                "--peer", TestNetwork.PeerAddress, "--local", TestNetwork.VantageAddress, "--regime", regime,
                "--ticks", ticks.ToString(CultureInfo.InvariantCulture), "--lattice-us", latticeUs.ToString(CultureInfo.InvariantCulture), "--json");

            // Both sides Up: mvps says so, then FRR does; FRR's view at that moment is the "no session-down yet" snapshot.
            send.WaitForLine(IsUpUp, Limit, "transition to Up with the peer Up");
            frr.WaitFor(p => p.Peer().GetProperty("status").GetString() == "up", "session status up");
            session.PeerWhenUp = frr.Peer();
            session.CountersWhenUp = frr.PeerCounters();

            session.ExitCode = send.WaitForExit(Limit);
            session.MvpsOutput = send.Output();
            session.Events = [.. send.StandardOutput.Select(line => JsonDocument.Parse(line).RootElement.Clone())];
            long sent = session.PacketsSent;
            WaitForFrames(session.AllCapture, TestNetwork.VantageAddress, sent);
            tcpdump.Stop(BackgroundProcess.SigInt);

            // FRR's count may fall short only by packets it may drop: Your Discriminator 0 while its session is not Down.
            session.ZeroYourDiscriminatorPackets = CaptureFile.Frames(session.AllCapture)
                .Count(f => f.AsSpan(26, 4).SequenceEqual(VantageBytes) && BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(FieldLocations.BfdYourDiscriminator)) == 0);
            long expected = everyPacketCounted ? sent : sent - session.ZeroYourDiscriminatorPackets;
            frr.WaitFor(p => p.PeerCounters().GetProperty("control-packet-input").GetInt64() >= expected
                && p.Peer().GetProperty("remote-diagnostic").GetString() == "administratively down", $"control-packet-input of {expected} and our AdminDown");
            session.PeerAtEnd = frr.Peer();
            session.CountersAtEnd = frr.PeerCounters();
            session.FrrStateChanges = frr.StateChanges();
            InteropArtifacts.Write($"frr_{regime}_peers.json", session.PeerAtEnd.GetRawText() + "\n");
            InteropArtifacts.Write($"frr_{regime}_counters.json", session.CountersAtEnd.GetRawText() + "\n");
            InteropArtifacts.Write($"frr_{regime}_peers_when_up.json", session.PeerWhenUp.GetRawText() + "\n");
            InteropArtifacts.Write($"frr_{regime}_state_changes.txt", string.Join('\n', session.FrrStateChanges) + "\n");
            InteropArtifacts.Write($"mvps_send_{regime}.jsonl", string.Join('\n', send.StandardOutput) + "\n");
        }

        // The brief's fallback for verifying our direction: tcpdump's own filter splits the two-way capture.
        Split(session.AllCapture, session.OursCapture, TestNetwork.VantageAddress);
        Split(session.AllCapture, session.FrrCapture, TestNetwork.PeerAddress);
        InteropArtifacts.Keep(session.AllCapture, Path.GetFileName(session.AllCapture));
        InteropArtifacts.Keep(session.OursCapture, Path.GetFileName(session.OursCapture));
        InteropArtifacts.Keep(session.FrrCapture, Path.GetFileName(session.FrrCapture));
        return session;
    }

    public IEnumerable<JsonElement> Transitions => Events.Where(e => e.GetProperty("event").GetString() == "transition");

    /// <summary>A line of `mvps send --json` saying our session is Up with the peer Up.</summary>
    internal static bool IsUpUp(string line) =>
        line.Contains("\"event\":\"transition\"", StringComparison.Ordinal)
        && line.Contains("\"localState\":\"Up\"", StringComparison.Ordinal)
        && line.Contains("\"remoteState\":\"Up\"", StringComparison.Ordinal);

    private static void Split(string all, string into, string source) =>
        ExternalProgram.Run("tcpdump", "-r", all, "-w", into, "src host " + source).AssertSuccess();

    private static void WaitForFrames(string capture, string source, long count)
    {
        int seen = 0;
        Poll.Until(() => (seen = CaptureFile.CountFrom(capture, source)) >= count, Limit,
            () => $"{capture}: {seen} of {count} frames from {source}");
    }
}
