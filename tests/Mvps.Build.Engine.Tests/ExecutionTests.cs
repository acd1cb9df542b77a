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
    public void Static_conditions_are_evaluated_before_the_run_dynamic_ones_just_before_the_target()
    {
        using var harness = new BuildHarness();
        var build = new ConditionBuild();

        harness.Run(build, "Prepare", "StaticLate", "DynamicLate");

        Assert.Equal(["Prepare", "DynamicLate"], build.Ran);
        Assert.Equal(ExecutionStatus.Skipped, build.StatusOf("StaticLate"));

        var alone = new ConditionBuild();
        harness.Run(alone, "DynamicLate");
        Assert.Empty(alone.Ran);
        Assert.Equal(ExecutionStatus.Skipped, alone.StatusOf("DynamicLate"));
    }

    [Fact]
    public void Failure_stops_dependants_and_the_rest_but_not_assured_targets()
    {
        using var harness = new BuildHarness();
        var build = new FailureBuild();

        var outcome = harness.Run(build, "NeedsBroken", "Independent", "Cleanup");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["Broken", "Cleanup"], build.Ran);
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

        var outcome = harness.Run(build, "NeedsBroken", "Independent", "Cleanup", "--continue");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["Broken", "Independent", "Cleanup"], build.Ran);
        Assert.Equal(ExecutionStatus.NotRun, build.StatusOf("NeedsBroken"));
    }

    [Fact]
    public void ProceedAfterFailure_lets_the_build_go_on()
    {
        using var harness = new BuildHarness();
        var build = new FailureBuild();

        var outcome = harness.Run(build, "BrokenButProceeding", "Independent");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["BrokenButProceeding", "Independent"], build.Ran);
        Assert.Contains("ERROR: BrokenButProceeding: InvalidOperationException: also broken", outcome.Lines);
    }

    [Fact]
    public void Missing_required_parameter_fails_before_anything_runs()
    {
        using var harness = new BuildHarness();
        var build = new RequiresBuild();

        var outcome = harness.Run(build, "Publish");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Equal(["ERROR: Target 'Publish' requires parameter 'ApiKey' (--api-key), which has no value."], outcome.Lines);

        var given = new RequiresBuild();
        Assert.Equal(0, harness.Run(given, "Publish", "--api-key", "k").ExitCode);
        Assert.Equal(["Setup", "Publish"], given.Ran);
    }

    [Fact]
    public void Failed_boolean_requirement_names_the_condition()
    {
        using var harness = new BuildHarness();

        var outcome = harness.Run(new RequiresBuild(), "Guarded");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(["ERROR: Target 'Guarded' requires '(Count > 0)', which is false."], outcome.Lines);
        Assert.Equal(0, harness.Run(new RequiresBuild { Count = 1 }, "Guarded").ExitCode);
    }

    [Fact]
    public void Requirements_of_skipped_targets_are_not_checked()
    {
        using var harness = new BuildHarness();

        Assert.Equal(0, harness.Run(new RequiresBuild(), "SkippedGuard").ExitCode);
    }

    [Fact]
    public void Async_actions_are_awaited_between_the_lifecycle_hooks()
    {
        using var harness = new BuildHarness();
        var build = new LifecycleBuild();

        var outcome = harness.Run(build, "Failing");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["initialized", "Async", "finished"], build.Ran);
        Assert.False(build.IsSuccessful);
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
    public void Unknown_target_is_one_line_with_close_matches()
    {
        using var harness = new BuildHarness();

        var outcome = harness.Run(new OrderBuild(), "Compil");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(["ERROR: Unknown target 'Compil'. Did you mean: Compile?"], outcome.Lines);
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
