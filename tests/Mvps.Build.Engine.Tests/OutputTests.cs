namespace Mvps.Build.Engine.Tests;

public sealed class OutputTests
{
    [Fact]
    public void Plan_lists_targets_in_order_with_reasons_and_runs_nothing()
    {
        using var harness = new BuildHarness();
        var build = new OrderBuild();

        var outcome = harness.Run(build, "--plan", "Test", "--skip", "Lint");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Equal(
            """
            Execution plan for Test:
              1. Restore   dependency of Compile
              2. Lint      dependency of Compile [skipped: --skip]
              3. Compile   dependency of Test
              4. Test      invoked
              5. Report    triggered by Test

            """.ReplaceLineEndings("\n"),
            outcome.Output);
    }

    [Fact]
    public void Help_lists_targets_then_parameters_with_sources_and_hides_secrets()
    {
        using var harness = new BuildHarness { DefaultTargets = ["Show"] };
        harness.Environment["RETRIES"] = "5";

        var outcome = harness.Run(new ParameterBuild(), "--help", "--api-key", "hunter2", "--tags", "a", "b");

        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain("hunter2", outcome.Output);
        Assert.Equal(
            """
            Targets (with their direct dependencies):

              Show (default)   Does nothing

            Parameters:

              --api-key <string>                Key for publishing [secret, command line]
              --configuration <Debug|Release>   Configuration to build [Debug, default]
              --nu-get-source <string>          Package source [not set, default]
              --retries <int>                   How often to retry [5, environment variable RETRIES]
              --tags <string...>                Labels [a b, command line]
              --verbose                         Talk more [false, default]

              --continue                        Run targets that do not depend on a failed target.
              --generate-schema                 Regenerate .nuke/build.schema.json (exits unless targets are given).
              --help                            Show targets and parameters.
              --plan                            Print the execution plan without running anything.
              --root <directory>                Root directory (default: the folder containing .nuke/ above the build).
              --skip [targets]                  Skip the given targets; without values, skip all but the invoked ones.
              --target <targets>                Targets to run (default: the build's default targets).

            """.ReplaceLineEndings("\n"),
            outcome.Output);
    }

    [Fact]
    public void Help_shows_dependencies_and_hides_unlisted_targets()
    {
        using var harness = new BuildHarness();

        var outcome = harness.Run(new SummaryBuild(), "--help");

        Assert.Contains("  Group   Collects the others\n          -> Count, Pairs\n", outcome.Output);
        Assert.DoesNotContain("Hidden", outcome.Output);
    }

    [Fact]
    public void Summary_table_has_status_duration_key_figure_total_and_verdict()
    {
        using var harness = new BuildHarness();
        var build = new SummaryBuild();
        harness.Run(build, "Group", "--skip", "Pairs");
        var durations = new Dictionary<string, TimeSpan>
        {
            ["Count"] = TimeSpan.FromSeconds(65),
            ["Pairs"] = TimeSpan.FromSeconds(99), // skipped: neither shown nor counted
            ["Group"] = TimeSpan.FromSeconds(7), // collective: no duration
        };
        foreach (var target in build.ExecutionPlan)
        {
            target.Duration = durations[target.Name];
        }

        var table = SummaryTable.Render(build.ExecutionPlan);

        Assert.Equal(
            """
            ===================================================
            Target   Status       Duration
            ---------------------------------------------------
            Count    Succeeded        1:05   7 passed, 0 failed
            Pairs    Skipped                 (--skip)
            Group    Collective
            ---------------------------------------------------
            Total                     1:05
            ===================================================

            Build succeeded.

            """.ReplaceLineEndings("\n"),
            table);
    }

    [Fact]
    public void Run_output_ends_with_summary_pairs_and_verdict()
    {
        using var harness = new BuildHarness();

        var outcome = harness.Run(new SummaryBuild(), "Group");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("=== Count ===", outcome.Lines);
        Assert.Contains(outcome.Lines, line => line.StartsWith("Pairs ", StringComparison.Ordinal) && line.EndsWith("   Files: 2, Bytes: 3804", StringComparison.Ordinal));
        Assert.Equal("Build succeeded.", outcome.Lines[^1]);
    }

    [Fact]
    public void Log_templates_are_filled_positionally_and_invariantly()
    {
        Assert.Equal("3 of 1.5 in {x}", Log.Render("{Count} of {Ratio} in {x}", [3, 1.5]));
        Assert.Equal("{Unfilled}", Log.Render("{Unfilled}", []));
    }
}
