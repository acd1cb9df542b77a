namespace Mvps.Build.Engine.Tests;

public sealed class ExecutionPlannerTests
{
    [Theory]
    [InlineData("DependsOn runs dependencies first and adds them", new[] { "Compile" }, new[] { "Restore", "Lint", "Compile" })]
    [InlineData("Before orders without adding: alone", new[] { "Restore" }, new[] { "Restore" })]
    [InlineData("Before orders without adding: with the target it comes before", new[] { "Restore", "Clean" }, new[] { "Clean", "Restore" })]
    [InlineData("After orders without adding: alone", new[] { "Pack" }, new[] { "Restore", "Lint", "Compile", "Pack", "Notify" })]
    [InlineData("After orders without adding: with the target it comes after", new[] { "Pack", "Test" }, new[] { "Restore", "Lint", "Compile", "Test", "Pack", "Report", "Notify" })]
    public void Runs_the_invoked_targets_and_their_dependencies_in_order(string rule, string[] targets, string[] expected)
    {
        using var harness = new BuildHarness();
        var build = new OrderBuild();

        var outcome = harness.Run(build, targets);

        Assert.True(outcome.ExitCode == 0, $"{rule}: exit {outcome.ExitCode}\n{outcome.Output}");
        Assert.Equal(expected, build.Ran);
    }

    [Fact]
    public void TriggeredBy_adds_the_triggered_target_after_the_trigger()
    {
        using var harness = new BuildHarness();
        var build = new OrderBuild();

        harness.Run(build, "Test");

        Assert.Equal(["Restore", "Lint", "Compile", "Test", "Report"], build.Ran);
        Assert.Equal(["triggered by Test"], build.ExecutionPlan.Single(t => t.Name == "Report").PlanReasons);
    }

    [Fact]
    public void Ties_are_broken_by_declaration_order_not_invocation_order()
    {
        using var harness = new BuildHarness();
        var invoked = new IndependentBuild();
        harness.Run(invoked, "Charlie", "Alpha", "Bravo");
        Assert.Equal(["Alpha", "Bravo", "Charlie"], invoked.Ran);

        var viaDependencies = new IndependentBuild();
        harness.Run(viaDependencies, "All");
        Assert.Equal(["Alpha", "Bravo", "Charlie"], viaDependencies.Ran);
        Assert.Equal(Mvps.Build.Engine.ExecutionStatus.Collective, viaDependencies.StatusOf("All"));
    }
}
