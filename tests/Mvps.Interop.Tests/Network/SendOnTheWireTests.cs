using System.Globalization;
using System.Text.Json;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>`mvps send` against peers that are not FRR: none at all, and a scripted one whose TTL we choose.</summary>
[Collection(NetworkCollection.Name)]
public sealed class SendOnTheWireTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A minimal scripted peer: BFD Init packets naming our discriminator, from 203.0.113.20:49152 to the vantage's
    /// port 3784 with the TTL given, every 20 ms until stopped. It says "sending" once the socket is ready.
    /// </summary>
    private const string InitSender = """
        import socket, struct, sys, time
        ttl = int(sys.argv[1])
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
        s.bind(("203.0.113.20", 49152))
        packet = struct.pack("!BBBBIIIII", 0x20, 2 << 6, 3, 24, 0x11111111, 0x4D565053, 1000000, 1000000, 0)
        print("sending", flush=True)
        while True:
            s.sendto(packet, ("203.0.113.10", 3784))
            time.sleep(0.02)
        """;

    [NetworkFact]
    public void Without_a_peer_the_session_never_comes_up_and_send_exits_1()
    {
        using var network = TestNetwork.Create();
        var result = TestNetwork.Exec(network.VantageNamespace, ExternalProgram.Require("dotnet"), MvpsCli.DllPath, "send",
            "--peer", TestNetwork.PeerAddress, "--ticks", "10", "--lattice-us", "20000");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("result: FAILED, the session never came Up", result.Lines[^1]);
        Assert.StartsWith("mvps send: 203.0.113.10:49152 -> 203.0.113.20:3784, regime baseline, 10 ticks of 20000 us", result.Lines[0], StringComparison.Ordinal);
    }

    [NetworkFact("/usr/bin/python3")]
    public void The_peer_packets_count_only_with_TTL_255_and_TTL_254_fails_validation()
    {
        var at254 = RunAgainstScriptedPeer(254, out var exit254);
        var at255 = RunAgainstScriptedPeer(255, out var exit255);

        Assert.Equal(1, exit254);
        Assert.True(at254.GetProperty("packetsReceived").GetInt64() > 0);
        Assert.Equal(at254.GetProperty("packetsReceived").GetInt64(), at254.GetProperty("discardedBy").GetProperty("WrongTtl").GetInt64());
        Assert.False(at254.GetProperty("reachedUp").GetBoolean());

        Assert.Equal(0, exit255);
        Assert.True(at255.GetProperty("packetsReceived").GetInt64() > 0);
        Assert.True(at255.GetProperty("reachedUp").GetBoolean());
        Assert.Equal(0, at255.GetProperty("packetsDiscarded").GetInt64());
    }

    [NetworkFact("/usr/bin/python3", "tcpdump")]
    public void Ctrl_C_ends_an_Up_session_with_AdminDown_packets_and_exit_0()
    {
        using var network = TestNetwork.Create();
        var capture = Path.Combine(TempFolder.ForProcess("ctrl-c"), "ours.pcap");
        var tcpdump = network.StartCapture(network.PeerNamespace, network.PeerInterface, capture, "udp and src host " + TestNetwork.VantageAddress);
        var peer = network.Start(network.PeerNamespace, "/usr/bin/python3", "-c", InitSender, "255");
        peer.WaitForLine(line => line == "sending", Limit, "'sending' from the scripted peer");
        var send = network.Start(network.VantageNamespace, ExternalProgram.Require("dotnet"), MvpsCli.DllPath, "send",
            "--peer", TestNetwork.PeerAddress, "--ticks", "100000", "--lattice-us", "20000", "--json");
        send.WaitForLine(line => line.Contains("\"localState\":\"Up\"", StringComparison.Ordinal), Limit, "the session to come Up");

        Assert.Equal(0, send.Stop(BackgroundProcess.SigInt));

        var events = send.StandardOutput.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        var summary = events[^1];
        Assert.True(summary.GetProperty("interrupted").GetBoolean());
        Assert.Equal("AdminDown", summary.GetProperty("finalState").GetString());
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "transition"
            && e.GetProperty("localState").GetString() == "AdminDown" && e.GetProperty("diagnostic").GetInt32() == 7);
        var sent = summary.GetProperty("packetsSent").GetInt64();
        Poll.Until(() => CaptureFile.CountFrom(capture, TestNetwork.VantageAddress) >= sent, Limit, () => $"{capture} lacks our {sent} frames");
        tcpdump.Stop(BackgroundProcess.SigInt);
        // The last Detect Mult (3) packets on the wire say AdminDown (state 0) with diagnostic 7.
        Assert.All(CaptureFile.Frames(capture).TakeLast(3), frame =>
        {
            Assert.Equal(0, frame[Mvps.Codec.Wire.FieldLocations.BfdStateFlags] >> 6);
            Assert.Equal(7, frame[Mvps.Codec.Wire.FieldLocations.BfdVersionDiag] & 0x1F);
        });
    }

    private static JsonElement RunAgainstScriptedPeer(int ttl, out int exitCode)
    {
        using var network = TestNetwork.Create();
        var sender = network.Start(network.PeerNamespace, "/usr/bin/python3", "-c", InitSender, ttl.ToString(CultureInfo.InvariantCulture));
        sender.WaitForLine(line => line == "sending", Limit, "'sending' from the scripted peer");
        var result = TestNetwork.Exec(network.VantageNamespace, ExternalProgram.Require("dotnet"), MvpsCli.DllPath, "send",
            "--peer", TestNetwork.PeerAddress, "--ticks", "20", "--lattice-us", "20000", "--json");
        exitCode = result.ExitCode;
        using var summary = JsonDocument.Parse(result.Lines[^1]);
        Assert.Equal("summary", summary.RootElement.GetProperty("event").GetString());
        return summary.RootElement.Clone();
    }
}
