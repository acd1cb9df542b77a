namespace Mvps.Build.Engine.Tests;

/// <summary>With GITHUB_STEP_SUMMARY set, the build appends its summary table in Markdown; without it, nothing is written.</summary>
public sealed class StepSummaryTests
{
    [Fact]
    public void The_summary_table_and_the_failure_are_appended_as_Markdown()
    {
        using var harness = new BuildHarness();
        var summary = Path.Combine(harness.Root, "step-summary.md");
        File.WriteAllText(summary, "earlier step\n");
        harness.Environment["GITHUB_STEP_SUMMARY"] = summary;

        var outcome = harness.Run(new FailureBuild(), "NeedsBroken");

        Assert.Equal(1, outcome.ExitCode);
        var text = File.ReadAllText(summary);
        Assert.StartsWith("earlier step\n| Target | Status | Duration | |\n|---|---|---:|---|\n| Broken | Failed | 0:00 |  |\n| NeedsBroken | NotRun |  |  |\n", text);
        Assert.Contains("**ERROR** Broken: broken on purpose", text);
        Assert.EndsWith("**Build failed.**\n\n", text);
    }

    [Fact]
    public void Differences_go_into_a_code_block_and_none_write_nothing()
    {
        using var harness = new BuildHarness();
        var summary = Path.Combine(harness.Root, "step-summary.md");
        harness.Environment["GITHUB_STEP_SUMMARY"] = summary;
        harness.Run(new IndependentBuild(), "Alpha");
        File.Delete(summary);

        StepSummary.AppendDifferences("Diff", []);
        Assert.False(File.Exists(summary));

        StepSummary.AppendDifferences("Diff", ["run b vs run a: mvps_ddos.pcap: frame 3: mvps.c1 | x"]);
        Assert.Equal("### Diff: 1 difference(s)\n\n```text\nrun b vs run a: mvps_ddos.pcap: frame 3: mvps.c1 | x\n```\n\n", File.ReadAllText(summary));
    }

    [Fact]
    public void Without_the_variable_no_file_is_written()
    {
        using var harness = new BuildHarness();

        harness.Run(new IndependentBuild(), "Alpha");

        Assert.Empty(Directory.GetFiles(harness.Root, "*.md"));
    }
}

/// <summary>A final line reported by a target closes the build's output, after the summary table.</summary>
public sealed class FinalLineTests
{
    [Fact]
    public void The_final_line_comes_after_the_verdict()
    {
        using var harness = new BuildHarness();

        var outcome = harness.Run(new FinalLineBuild(), "Count");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("3 passed, 0 failed", outcome.Lines[^1]);
        Assert.Contains("Build succeeded.", outcome.Lines[^3]);
    }
}

internal sealed class FinalLineBuild : RecordingBuild
{
    private Target Count => _ => _.Executes(() => ReportFinalLine("3 passed, 0 failed"));
}
