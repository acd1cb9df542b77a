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
        var blocks = ShellBlocks(Section(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "interop.md")), ByHand));
        Assert.Equal(Blocks, blocks.Count);
        var ns = string.Create(CultureInfo.InvariantCulture, $"md{Environment.ProcessId % 1_000_000}");
        // Not below a private scratch folder: FRR's daemons run as user frr and must reach DIR/frr.
        var dir = Path.Combine(Path.GetTempPath(), ns + "-interop-doc");
        var environment = new Dictionary<string, string>
        {
            ["NS"] = ns,
            ["DIR"] = dir,
            ["PATH"] = MvpsCli.ShimDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        };
        var background = new List<BackgroundProcess>();
        BackgroundProcess Start(int block)
        {
            var process = BackgroundProcess.Start(ExternalProgram.Require("bash"), ["-c", blocks[block]], RepositoryRoot.Path, environment);
            background.Add(process);
            return process;
        }

        ProcessResult Run(int block) => ExternalProgram.Run("bash", ["-c", blocks[block]], RepositoryRoot.Path, environment: environment);

        try
        {
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
        finally
        {
            foreach (var process in background)
            {
                process.Dispose();
            }

            foreach (var daemon in new[] { "bfdd", "zebra" })
            {
                var pidFile = Path.Combine(dir, "frr", daemon + ".pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
                {
                    BackgroundProcess.Signal(pid, BackgroundProcess.SigTerm);
                }
            }

            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            foreach (var name in new[] { ns + "-vantage", ns + "-peer" })
            {
                if (File.Exists(Path.Combine("/run/netns", name)))
                {
                    ExternalProgram.Run("ip", "netns", "del", name);
                }
            }
        }
    }

    /// <summary>The text from the line <paramref name="heading"/> to the next heading of its level (or the end).</summary>
    internal static string Section(string markdown, string heading)
    {
        var text = markdown.ReplaceLineEndings("\n");
        var start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{heading}'");
        var level = heading[..(heading.IndexOf(' ', StringComparison.Ordinal) + 1)];
        var end = text.IndexOf("\n" + level, start + heading.Length + 1, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    /// <summary>The contents of the page's ```sh blocks, in order.</summary>
    internal static List<string> ShellBlocks(string markdown) =>
        [.. ShellBlock().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("^```sh\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"^frame \d+: timestamp \d+\.\d{9} != \d+\.\d{9}$")]
    private static partial Regex TimestampDifference();

    [GeneratedRegex(@"^sent (\d+) packets", RegexOptions.Multiline)]
    internal static partial Regex SentPackets();
}
