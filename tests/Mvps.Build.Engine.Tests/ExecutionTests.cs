namespace Mvps.Build.Engine.Tests;

public sealed class ExecutionTests
{
    [Fact]
    public void Skip_without_values_skips_all_but_invoked_targets()
    {
        using var harness = new BuildHarness();
        var build = new OrderBuild();

        var outcome = harness.Run(build, "Test", "--skip");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Test"], build.Ran);
        Assert.Equal(ExecutionStatus.Skipped, build.StatusOf("Compile"));
        Assert.Equal(ExecutionStatus.Skipped, build.StatusOf("Report"));
    }

    [Fact]
    public void Skip_with_values_skips_exactly_those()
    {
        using var harness = new BuildHarness();
        var build = new OrderBuild();

        harness.Run(build, "Test", "--skip", "Restore", "lint");

        Assert.Equal(["Compile", "Test", "Report"], build.Ran);
    }

    [Fact]
    public void False_static_condition_skips_target_and_dependencies_only_it_needs()
    {
        using var harness = new BuildHarness();
        var build = new ConditionBuild { Enabled = false };

        var outcome = harness.Run(build, "Generate");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Equal(ExecutionStatus.Skipped, build.StatusOf("Generate"));
        Assert.Equal(ExecutionStatus.Skipped, build.StatusOf("Prepare"));

        var enabled = new ConditionBuild { Enabled = true };
        harness.Run(enabled, "Generate");
        Assert.Equal(["Prepare", "Generate"], enabled.Ran);
    }

    [Fact]
    public void Static_conditions_are_evaluated_before_anything_runs()
    {
        using var harness = new BuildHarness();
        var build = new ConditionBuild();

        harness.Run(build, "Prepare", "StaticLate");

        // Prepare sets the condition, but only after it was evaluated.
        Assert.Equal(["Prepare"], build.Ran);
        Assert.Equal(ExecutionStatus.Skipped, build.StatusOf("StaticLate"));
    }

    [Fact]
    public void Failure_stops_dependants_and_the_rest()
    {
        using var harness = new BuildHarness();
        var build = new FailureBuild();

        var outcome = harness.Run(build, "NeedsBroken", "Independent");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["Broken"], build.Ran);
        Assert.Equal(ExecutionStatus.Failed, build.StatusOf("Broken"));
        Assert.Equal(ExecutionStatus.NotRun, build.StatusOf("NeedsBroken"));
        Assert.Equal(ExecutionStatus.NotRun, build.StatusOf("Independent"));
        Assert.Contains("ERROR: Broken: broken on purpose", outcome.Lines);
        Assert.Equal("Build failed.", outcome.Lines[^1]);
    }

    [Fact]
    public void Continue_runs_independent_targets_after_a_failure()
    {
        using var harness = new BuildHarness();
        var build = new FailureBuild();

        var outcome = harness.Run(build, "NeedsBroken", "Independent", "--continue");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["Broken", "Independent"], build.Ran);
        Assert.Equal(ExecutionStatus.NotRun, build.StatusOf("NeedsBroken"));
    }

    [Fact]
    public void Another_exception_is_one_line_naming_its_type_without_a_stack_trace()
    {
        using var harness = new BuildHarness();
        var build = new FailureBuild();

        var outcome = harness.Run(build, "Crashing");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["Crashing"], build.Ran);
        Assert.Contains("ERROR: Crashing: InvalidOperationException: also broken", outcome.Lines);
        Assert.DoesNotContain(outcome.Lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_targets_run_when_none_are_given()
    {
        using var harness = new BuildHarness { DefaultTargets = ["Restore"] };
        var build = new OrderBuild();

        harness.Run(build);

        Assert.Equal(["Restore"], build.Ran);
    }

    [Fact]
    public void Temporary_directory_is_created_under_the_root()
    {
        using var harness = new BuildHarness();
        var build = new OrderBuild();

        harness.Run(build, "Restore");

        Assert.Equal(Path.Combine(harness.Root, ".nuke", "temp"), (string)build.TemporaryDirectory);
        Assert.True(Directory.Exists(build.TemporaryDirectory));
    }
}
