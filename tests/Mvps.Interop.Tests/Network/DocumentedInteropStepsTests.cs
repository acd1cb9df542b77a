using System.Globalization;
using System.Text.RegularExpressions;
using Mvps.Codec.Wire;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// docs/interop.md's by-hand steps with FRR ("## By hand"), run exactly as written (each ```sh block with bash, from the repository
/// root, `mvps` on PATH), with NS and DIR set to names of this test. Blocks the page runs "in terminal 2/3" run in
/// the background and are awaited by what the page says they print; Ctrl-C is SIGINT to the program. Whatever
/// happens, the namespaces and daemons the blocks created are removed at the end, by their names and pid files.
/// </summary>
[Collection(NetworkCollection.Name)]
[Trait(PeerTrait.Name, "frr")]
public sealed partial class DocumentedInteropStepsTests
{
    internal const string ByHand = "## By hand";
    private const int Blocks = 11;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [NetworkFact("tcpdump", "tcpreplay", "vtysh", "bash", "/usr/bin/python3", NetworkRequirements.Zebra, NetworkRequirements.Bfdd)]
    public void The_by_hand_steps_work_as_written()
    {
        var blocks = Markdown.FencedBlocks(Markdown.Section(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "interop.md")), ByHand), "sh");
        Assert.Equal(Blocks, blocks.Count);
        using var steps = new DocumentedSteps("md", "frr/bfdd.pid", "frr/zebra.pid");
        var (ns, dir) = (steps.Ns, steps.Dir);
        BackgroundProcess Start(int block) => steps.Start(blocks[block]);
        ProcessResult Run(int block) => steps.Run(blocks[block]);

        Run(0).AssertSuccess();

        // 1. Replay: the socket, the capture, then tcpreplay and mvps diff.
        var socket = Start(1);
        socket.WaitForLine(line => line == "ready", Limit, "'ready' from the socket");
        var replayCapture = Start(2);
        replayCapture.WaitForLine(line => line.StartsWith($"tcpdump: listening on {ns}-p", StringComparison.Ordinal), Limit, "'listening on'");
        var replay = Run(3).AssertSuccess();
        Assert.Contains("Actual: 30 packets", replay.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, socket.WaitForExit(Limit));
        Assert.Equal(0, replayCapture.WaitForExit(Limit));
        var diff = Run(4).AssertSuccess();
        Assert.Equal("different: 30 difference(s) in 30 compared frames", diff.Lines[^1]);
        Assert.Equal(30, diff.Lines.Count(line => TimestampDifference().IsMatch(line)));
        var payloads = CaptureFile.Frames(Path.Combine(RepositoryLayout.EvidenceDirectory, EvidenceFiles.Baseline))
            .Select(frame => Convert.ToHexStringLower(frame.AsSpan(FieldLocations.Bfd))).ToList();
        Assert.Equal(payloads, socket.StandardOutput.Skip(1).ToList());

        // 2. and 3. FRR, the two-way capture, the session, FRR's view.
        Assert.Contains("peer 203.0.113.10 local-address 203.0.113.20", Run(5).AssertSuccess().StandardOutput, StringComparison.Ordinal);
        var sessionCapture = Start(6);
        sessionCapture.WaitForLine(line => line.StartsWith($"tcpdump: listening on {ns}-p", StringComparison.Ordinal), Limit, "'listening on'");
        var send = Run(7).AssertSuccess();
        Assert.Equal("result: OK", send.Lines[^1]);
        var sent = long.Parse(SentPackets().Match(send.StandardOutput).Groups[1].Value, CultureInfo.InvariantCulture);

        ProcessResult view = null!;
        Poll.Until(() => (view = Run(8).AssertSuccess()).StandardOutput.Contains($"\"control-packet-input\":{sent},", StringComparison.Ordinal),
            Limit, () => $"FRR's counters never showed control-packet-input {sent}:\n{view.StandardOutput}");
        Assert.Contains("\"remote-id\":1297502291,", view.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"remote-diagnostic\":\"administratively down\",", view.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"session-down\":1,", view.StandardOutput, StringComparison.Ordinal);
        // "init -> up", or "down -> up" when our Init reached bfdd before its own Down reached us: scheduling decides.
        Assert.Matches(@"(?m)\] (init|down) -> up", view.StandardOutput);

        var sessionPcap = Path.Combine(dir, "session.pcap");
        Poll.Until(() => CaptureFile.CountFrom(sessionPcap, TestNetwork.VantageAddress) >= sent, Limit, () => $"{sessionPcap} lacks our {sent} frames");
        Assert.Equal(0, sessionCapture.StopInnermost(BackgroundProcess.SigInt)); // Ctrl-C in terminal 3
        var verify = Run(9).AssertSuccess();
        Assert.StartsWith($"{dir}/session_mvps.pcap: OK, {sent} ", verify.Lines[0], StringComparison.Ordinal);
        var both = verify.Lines.Single(line => line.StartsWith($"{dir}/session.pcap: ", StringComparison.Ordinal));
        Assert.Matches($@"^{Regex.Escape(dir)}/session\.pcap: OK, \d+ records: {sent} MVPS \(1 session\), \d+ BFD without extension$", both);

        Run(10).AssertSuccess();
        Assert.False(Directory.Exists(dir));
        Poll.Until(() => TeardownTests.ProcessesNaming(dir).Count == 0, Limit, () => "FRR still runs after the teardown step: " + string.Join("; ", TeardownTests.ProcessesNaming(dir)));
        Assert.DoesNotContain(ns + "-vantage", ExternalProgram.Run("ip", "netns", "list").StandardOutput, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^frame \d+: timestamp \d+\.\d{9} != \d+\.\d{9}$")]
    private static partial Regex TimestampDifference();

    [GeneratedRegex(@"^sent (\d+) packets", RegexOptions.Multiline)]
    internal static partial Regex SentPackets();
}
