using System.Globalization;
using System.Text.RegularExpressions;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// docs/interop.md's "By hand with BIRD", run exactly as written (each ```sh block with bash, from the repository
/// root, `mvps` on PATH), after the first block of "By hand" (the test network), with NS and DIR set to names of
/// this test. The capture "in terminal 3" runs in the background and is awaited by what the page says it prints;
/// Ctrl-C is SIGINT to tcpdump. Whatever happens, the namespaces and the bird the blocks created are removed at the
/// end, by their names and pid file.
/// </summary>
[Collection(NetworkCollection.Name)]
[Trait(PeerTrait.Name, "bird")]
public sealed class DocumentedBirdStepsTests
{
    private const string Heading = "## By hand with BIRD";
    private const int Blocks = 7;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [NetworkFact("tcpdump", "birdc", "bash", NetworkRequirements.Bird)]
    public void The_BIRD_steps_work_as_written()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "interop.md"));
        var createNetwork = Markdown.FencedBlocks(Markdown.Section(page, DocumentedInteropStepsTests.ByHand), "sh")[0];
        var blocks = Markdown.FencedBlocks(Markdown.Section(page, Heading), "sh");
        Assert.Equal(Blocks, blocks.Count);
        using var steps = new DocumentedSteps("mb", "bird/bird.pid");
        var (ns, dir) = (steps.Ns, steps.Dir);

        steps.Run(createNetwork).AssertSuccess();
        steps.Run(blocks[0]).AssertSuccess();

        // Listed Down once BIRD has seen the interface: the page says to run it again until then.
        ProcessResult listed = null!;
        Poll.Until(() => (listed = steps.Run(blocks[1])).ExitCode == 0 && SessionRow(listed.StandardOutput) is string row && row.Contains(" Down ", StringComparison.Ordinal),
            Limit, () => "BIRD never listed its session Down:\n" + listed.StandardOutput + listed.StandardError);

        var capture = steps.Start(blocks[2]);
        capture.WaitForLine(line => line.StartsWith($"tcpdump: listening on {ns}-p", StringComparison.Ordinal), Limit, "'listening on'");
        var send = steps.Run(blocks[3]).AssertSuccess();
        Assert.Equal("result: OK", send.Lines[^1]);
        var sent = long.Parse(DocumentedInteropStepsTests.SentPackets().Match(send.StandardOutput).Groups[1].Value, CultureInfo.InvariantCulture);

        // BIRD's view: as many "CTL received" lines as we sent, Down again, and one Up -> Down, after our AdminDown.
        var countLine = sent.ToString(CultureInfo.InvariantCulture);
        ProcessResult view = null!;
        Poll.Until(() => (view = steps.Run(blocks[4]).AssertSuccess()).Lines.Contains(countLine), Limit,
            () => $"BIRD's log never counted {sent} packets of ours:\n{view.StandardOutput}");
        Assert.Contains(" Down ", SessionRow(view.StandardOutput), StringComparison.Ordinal);
        List<string> log = [.. view.Lines.SkipWhile(line => line != countLine).Skip(1)];
        Assert.Contains(log, line => line.Contains("changed state from ", StringComparison.Ordinal) && line.EndsWith(" to Up", StringComparison.Ordinal));
        var down = Assert.Single(Enumerable.Range(0, log.Count), i => log[i].EndsWith("changed state from Up to Down", StringComparison.Ordinal));
        var adminDown = log.FindIndex(line => line.Contains("[AdminDown", StringComparison.Ordinal));
        Assert.InRange(adminDown, 0, down - 1);
        Assert.DoesNotContain(log.Take(down), line => line.EndsWith(" expired", StringComparison.Ordinal));

        var sessionPcap = Path.Combine(dir, "session_bird.pcap");
        Poll.Until(() => CaptureFile.CountFrom(sessionPcap, TestNetwork.VantageAddress) >= sent, Limit, () => $"{sessionPcap} lacks our {sent} frames");
        Assert.Equal(0, capture.StopInnermost(BackgroundProcess.SigInt)); // Ctrl-C in terminal 3
        var verify = steps.Run(blocks[5]).AssertSuccess();
        Assert.StartsWith($"{dir}/session_bird_mvps.pcap: OK, {sent} ", verify.Lines[0], StringComparison.Ordinal);
        var both = verify.Lines.Single(line => line.StartsWith($"{dir}/session_bird.pcap: ", StringComparison.Ordinal));
        Assert.Matches($@"^{Regex.Escape(dir)}/session_bird\.pcap: OK, \d+ records: {sent} MVPS \(1 session\), \d+ BFD without extension$", both);

        steps.Run(blocks[6]).AssertSuccess();
        Assert.False(Directory.Exists(dir));
        Poll.Until(() => TeardownTests.ProcessesNaming(dir).Count == 0, Limit, () => "bird still runs after the teardown step: " + string.Join("; ", TeardownTests.ProcessesNaming(dir)));
        Assert.DoesNotContain(ns + "-vantage", ExternalProgram.Run("ip", "netns", "list").StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>The row of `birdc show bfd sessions` for the vantage, or null.</summary>
    private static string? SessionRow(string output) =>
        output.Split('\n').FirstOrDefault(line => line.StartsWith(TestNetwork.VantageAddress + " ", StringComparison.Ordinal));
}
