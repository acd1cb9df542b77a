using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Mvps.Codec.Wire;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// One live session between `mvps send` in the vantage namespace and a peer profile (FRR, BIRD) in the peer
/// namespace, with tcpdump capturing both directions on the peer's interface. Everything is awaited as a
/// condition (a line from mvps, a state from the peer's CLI, a frame count in the capture), never slept for.
/// </summary>
internal sealed class PeerSession
{
    public const uint MyDiscriminator = 0x4D56_5053;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly byte[] VantageBytes = [203, 0, 113, 10];

    public required string Peer { get; init; }

    public required string PeerVersion { get; init; }

    public required string PeerTimers { get; init; }

    public required bool PeerUsesRfc5881SourcePorts { get; init; }

    public required string Regime { get; init; }

    public required string Folder { get; init; }

    public string AllCapture => Path.Combine(Folder, $"session_{Peer}_{Regime}.pcap");

    public string OursCapture => Path.Combine(Folder, $"session_{Peer}_{Regime}_mvps.pcap");

    /// <summary>The peer's direction alone: plain BFD, which `mvps verify` does not take on its own.</summary>
    public string PeerCapture => Path.Combine(Folder, $"session_{Peer}_{Regime}_peer.pcap");

    public int ExitCode { get; private set; }

    public IReadOnlyList<JsonElement> Events { get; private set; } = [];

    public JsonElement Summary => Events[^1];

    public PeerView ViewWhenUp { get; private set; } = null!;

    public IReadOnlyList<PeerStateChange> StateChangesWhenUp { get; private set; } = [];

    public PeerView ViewAtEnd { get; private set; } = null!;

    public IReadOnlyList<PeerStateChange> StateChanges { get; private set; } = [];

    public string MvpsOutput { get; private set; } = "";

    /// <summary>Our packets with Your Discriminator 0: a peer may drop those while its session is Init or Up (FRR: "not overridden").</summary>
    public int ZeroYourDiscriminatorPackets { get; private set; }

    public long PacketsSent => Summary.GetProperty("packetsSent").GetInt64();

    public uint PeerDiscriminator => Summary.GetProperty("remoteDiscriminator").GetUInt32();

    public IEnumerable<JsonElement> Transitions => Events.Where(e => e.GetProperty("event").GetString() == "transition");

    /// <summary>Runs the whole session: the peer up, capture listening, mvps send to its end, the peer's final view, capture complete.</summary>
    public static PeerSession Run<TPeer>(string regime, int ticks, uint latticeUs, bool everyPacketCounted)
        where TPeer : IBfdPeer<TPeer>
    {
        var session = new PeerSession
        {
            Peer = TPeer.Name, PeerVersion = TPeer.Version(), PeerTimers = TPeer.Timers,
            PeerUsesRfc5881SourcePorts = TPeer.UsesRfc5881SourcePorts, Regime = regime,
            Folder = TempFolder.ForProcess("session-" + TPeer.Name + "-" + regime),
        };
        using (var network = TestNetwork.Create())
        {
            var peer = TPeer.Start(network);
            var tcpdump = network.StartCapture(network.PeerNamespace, network.PeerInterface, session.AllCapture, "udp port 3784");
            var send = network.Start(network.VantageNamespace, ExternalProgram.Require("dotnet"), MvpsCli.DllPath, "send",
                "--peer", TestNetwork.PeerAddress, "--local", TestNetwork.VantageAddress, "--regime", regime,
                "--ticks", ticks.ToString(CultureInfo.InvariantCulture), "--lattice-us", latticeUs.ToString(CultureInfo.InvariantCulture), "--json");

            // Both sides Up: mvps says so, then the peer does; its view at that moment is the "no session down yet" snapshot.
            send.WaitForLine(IsUpUp, Limit, "transition to Up with the peer Up");
            WaitFor(peer, view => view.IsUp, "session state Up");
            session.ViewWhenUp = peer.View();
            session.StateChangesWhenUp = peer.StateChanges();

            session.ExitCode = send.WaitForExit(Limit);
            session.MvpsOutput = send.Output();
            session.Events = [.. send.StandardOutput.Select(line => JsonDocument.Parse(line).RootElement.Clone())];
            var sent = session.PacketsSent;
            WaitForFrames(session.AllCapture, TestNetwork.VantageAddress, sent);
            tcpdump.Stop(BackgroundProcess.SigInt);

            // The peer's count may fall short only by packets it may drop: Your Discriminator 0 while its session is not Down.
            session.ZeroYourDiscriminatorPackets = CaptureFile.Frames(session.AllCapture)
                .Count(f => f.AsSpan(26, 4).SequenceEqual(VantageBytes) && BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(FieldLocations.BfdYourDiscriminator)) == 0);
            var expected = everyPacketCounted ? sent : sent - session.ZeroYourDiscriminatorPackets;
            WaitFor(peer, view => view.PacketsCounted >= expected && view.SawAdminDown, $"count of {expected} packets of ours and our AdminDown");
            session.ViewAtEnd = peer.View();
            session.StateChanges = peer.StateChanges();
            peer.KeepArtifacts(regime);
            InteropArtifacts.Write($"mvps_send_{TPeer.Name}_{regime}.jsonl", string.Join('\n', send.StandardOutput) + "\n");
        }

        // The brief's fallback for verifying our direction: tcpdump's own filter splits the two-way capture.
        Split(session.AllCapture, session.OursCapture, TestNetwork.VantageAddress);
        Split(session.AllCapture, session.PeerCapture, TestNetwork.PeerAddress);
        InteropArtifacts.Keep(session.AllCapture, Path.GetFileName(session.AllCapture));
        InteropArtifacts.Keep(session.OursCapture, Path.GetFileName(session.OursCapture));
        InteropArtifacts.Keep(session.PeerCapture, Path.GetFileName(session.PeerCapture));
        return session;
    }

    /// <summary>Polls the peer's view until <paramref name="condition"/> holds; fails naming what was awaited and the last view.</summary>
    private static void WaitFor<TPeer>(TPeer peer, Func<PeerView, bool> condition, string what)
        where TPeer : IBfdPeer<TPeer>
    {
        var last = "";
        Poll.Until(() =>
        {
            try
            {
                var view = peer.View();
                last = view.ToString();
                return condition(view);
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or JsonException or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException)
            {
                last = e.Message; // not ready yet (no CLI socket, no session entry)
                return false;
            }
        }, Limit, () => $"{TPeer.Name}: no {what}; last view: {last}");
    }

    /// <summary>A line of `mvps send --json` saying our session is Up with the peer Up.</summary>
    internal static bool IsUpUp(string line) =>
        line.Contains("\"event\":\"transition\"", StringComparison.Ordinal)
        && line.Contains("\"localState\":\"Up\"", StringComparison.Ordinal)
        && line.Contains("\"remoteState\":\"Up\"", StringComparison.Ordinal);

    private static void Split(string all, string into, string source) =>
        ExternalProgram.Run("tcpdump", "-r", all, "-w", into, "src host " + source).AssertSuccess();

    private static void WaitForFrames(string capture, string source, long count)
    {
        var seen = 0;
        Poll.Until(() => (seen = CaptureFile.CountFrom(capture, source)) >= count, Limit,
            () => $"{capture}: {seen} of {count} frames from {source}");
    }
}
