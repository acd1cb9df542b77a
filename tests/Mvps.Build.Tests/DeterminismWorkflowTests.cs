namespace Mvps.Build.Tests;

/// <summary>The pull-request gate's shape: the four machines, a full clone, the SDK of global.json, the final comparison.</summary>
public sealed class DeterminismWorkflowTests
{
    private static readonly string Workflow = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".github", "workflows", "determinism.yml"));

    [Theory]
    [InlineData("ubuntu-latest")]
    [InlineData("ubuntu-24.04-arm")]
    [InlineData("windows-latest")]
    [InlineData("macos-latest")]
    public void Generates_on_each_machine(string runner)
    {
        var matrixLine = Workflow.Split('\n').Single(line => line.TrimStart().StartsWith("os: [", StringComparison.Ordinal));
        Assert.Contains(runner, matrixLine);
    }

    [Fact]
    public void Uses_a_full_clone_and_the_sdk_of_global_json()
    {
        Assert.DoesNotContain("fetch-depth: 1", Workflow);
        Assert.Equal(2, Count("fetch-depth: 0"));
        Assert.Equal(2, Count("global-json-file: global.json"));
    }

    [Fact]
    public void Runs_the_generate_target_with_both_bootstraps_and_compares_against_evidence()
    {
        TextAssert.ContainsAll(Workflow,
            "run: ./build.sh Generate",
            "run: build.cmd Generate",
            "needs: generate",
            "cmp -s \"evidence/$file\"",
            "path: \"**/*.received.*\"");
    }

    [Fact]
    public void MacOS_and_Windows_make_every_run_their_platform_can_strictly_by_the_server_detection()
    {
        // No --runs: the default (auto) is strict on a build server, and GitHub sets the variables the engine reads.
        TextAssert.ContainsAll(Workflow,
            "run: ./build.sh Evidence --reproduce-codec false",
            "run: build.cmd Evidence --reproduce-codec false");
        Assert.DoesNotContain("--runs", Workflow);
        var serverVariables = (string[])typeof(Mvps.Build.Engine.BuildRunner)
            .GetField("ServerEnvironmentVariables", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        Assert.Contains("GITHUB_ACTIONS", serverVariables);
    }

    private static int Count(string text)
    {
        var count = 0;
        for (var index = Workflow.IndexOf(text, StringComparison.Ordinal); index >= 0; index = Workflow.IndexOf(text, index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
