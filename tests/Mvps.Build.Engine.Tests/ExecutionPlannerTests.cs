namespace Mvps.Build.Engine.Tests;

public sealed class ExecutionPlannerTests
{
    [Fact]
    public void DependsOn_runs_dependencies_first_and_adds_them()
    {
        using var harness = new BuildHarness();
        var build = new OrderBuild();

        var outcome = harness.Run(build, "Compile");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Restore", "Lint", "Compile"], build.Ran);
    }

    [Fact]
    public void Before_orders_without_adding()
    {
        using var harness = new BuildHarness();
        var alone = new OrderBuild();
        harness.Run(alone, "Restore");
        Assert.Equal(["Restore"], alone.Ran);

        var both = new OrderBuild();
        harness.Run(both, "Restore", "Clean");
        Assert.Equal(["Clean", "Restore"], both.Ran);
    }

    [Fact]
    public void After_orders_without_adding()
    {
        using var harness = new BuildHarness();
        var packOnly = new OrderBuild();
        harness.Run(packOnly, "Pack");
        Assert.Equal(["Restore", "Lint", "Compile", "Pack", "Notify"], packOnly.Ran);

        var packAndTest = new OrderBuild();
        harness.Run(packAndTest, "Pack", "Test");
        Assert.Equal(["Restore", "Lint", "Compile", "Test", "Pack", "Report", "Notify"], packAndTest.Ran);
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

    [Fact]
    public void Dependency_cycle_is_reported_with_its_path()
    {
        using var harness = new BuildHarness();
        var build = new CycleBuild();

        var outcome = harness.Run(build, "A");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(["ERROR: Circular dependency: A -> B -> A"], outcome.Lines);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public void Ordering_cycle_through_After_is_reported()
    {
        using var harness = new BuildHarness();

        var outcome = harness.Run(new CycleBuild(), "E");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(["ERROR: Circular dependency: C -> E -> D -> C"], outcome.Lines);
    }
}
