using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>docs/analysis.md: its commands run exactly as written (with the built mvps first on PATH), and its table's numbers hold.</summary>
public sealed class AnalysisDocTests
{
    private static string DocumentPath => Path.Combine(RepositoryRoot.Path, "docs", "analysis.md");

    [ToolFact("bash")]
    public void The_documented_commands_run_and_print_the_documented_numbers()
    {
        var text = File.ReadAllText(DocumentPath);
        var blocks = Markdown.FencedBlocks(text, "sh");
        Assert.True(blocks.Count > 0, $"no ```sh block in {DocumentPath}");
        var lines = blocks[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        var outputs = lines.Select(line => ExternalProgram.Run("bash", ["-c", line], RepositoryRoot.Path, MvpsCli.ShimDirectory).AssertSuccess().StandardOutput).ToList();

        Assert.Contains("max D2 13.621 at tick 1026, false alarms 0 of 30", outputs[0]);
        Assert.Contains("23 alarm(s), first alarm tick 36007, attack onset tick 36007, detection delay 0 ticks, alarms before onset 0, max D2 2574297.777 at tick 36093", outputs[0]);
        Assert.Contains("    36006 5.893\n", outputs[0]);
        Assert.Contains("    36007 17818.385 ALARM\n", outputs[0]);
        Assert.Contains("\"threshold\": 29.53209568315", outputs[1]);
        Assert.Contains("8 vantages x 30 frames", outputs[2]);
        Assert.Contains("bundle: 66 ticks, 56 alarmed (joint p < alpha), first alarm tick 36007", outputs[3]);
        foreach (var reached in new[] { 10, 12, 14, 16 })
        {
            Assert.Contains($"vantage {reached} (my discriminator 0x{0x4D565053 + reached - 10:x8}): 30 frames, threshold 29.532 (n 30), 23 alarm(s), first alarm tick 36007", outputs[3]);
        }

        foreach (var spared in new[] { 11, 13, 15, 17 })
        {
            Assert.Contains($"vantage {spared} (my discriminator 0x{0x4D565053 + spared - 10:x8}): 30 frames, threshold 29.532 (n 30), 0 alarm(s), first alarm tick none", outputs[3]);
        }

        Assert.Contains("/tmp/mvps-report.html: report page", outputs[4]);

        // The table of the document states the same figures.
        Assert.Contains("| baseline, leave-one-out: max D² (tick 1026), threshold 30.092 (n − 1) | 13.621, **0 false alarms** |", text);
        Assert.Contains("| DDoS first attacked frame, tick 36007 | 17,818.385, alarm (delay 0 ticks) |", text);
        Assert.Contains("| DDoS max D² (tick 36093) | 2,574,297.777 |", text);
    }
}
