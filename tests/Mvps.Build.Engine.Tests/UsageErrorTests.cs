namespace Mvps.Build.Engine.Tests;

/// <summary>
/// Every problem found before a target runs — a cycle, an unknown target or parameter, a value that does not bind — is
/// one ERROR line naming it, exit 2, and nothing runs.
/// </summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("a dependency cycle is reported with its path", nameof(CycleBuild), null, null,
        new[] { "A" }, "ERROR: Circular dependency: A -> B -> A")]
    [InlineData("an ordering cycle through After is reported", nameof(CycleBuild), null, null,
        new[] { "E" }, "ERROR: Circular dependency: C -> E -> D -> C")]
    [InlineData("an unknown target is named with close matches", nameof(OrderBuild), null, null,
        new[] { "Compil" }, "ERROR: Unknown target 'Compil'. Did you mean: Compile?")]
    [InlineData("an unknown parameter is named with close matches", nameof(ParameterBuild), null, null,
        new[] { "Show", "--retrys", "2" }, "ERROR: Unknown parameter '--retrys'. Did you mean: --retries?")]
    [InlineData("an unknown key in the parameters file is reported", nameof(ParameterBuild), """{ "Retires": 2 }""", null,
        new[] { "Show" }, "ERROR: .nuke/parameters.json: unknown parameter 'Retires'. Did you mean: Retries?")]
    [InlineData("an invalid value names the parameter, its source and the expectation", nameof(ParameterBuild), null, "CONFIGURATION=Fast",
        new[] { "Show" }, "ERROR: Parameter 'Configuration' (environment variable CONFIGURATION): 'Fast' is not one of Debug, Release.")]
    public void Is_one_line_with_exit_2_and_nothing_runs(string what, string buildName, string? parametersJson, string? environmentVariable, string[] args, string expected)
    {
        using var harness = new BuildHarness(parametersJson);
        if (environmentVariable is not null)
        {
            var nameAndValue = environmentVariable.Split('=', 2);
            harness.Environment[nameAndValue[0]] = nameAndValue[1];
        }

        var build = Create(buildName);
        var outcome = harness.Run(build, args);

        Assert.True(outcome.ExitCode == 2, $"{what}: exit {outcome.ExitCode}\n{outcome.Output}");
        Assert.Equal([expected], outcome.Lines);
        if (build is RecordingBuild recording)
        {
            Assert.Empty(recording.Ran);
        }
    }

    private static NukeBuild Create(string buildName) => buildName switch
    {
        nameof(CycleBuild) => new CycleBuild(),
        nameof(OrderBuild) => new OrderBuild(),
        nameof(ParameterBuild) => new ParameterBuild(),
        _ => throw new ArgumentOutOfRangeException(nameof(buildName), buildName, "no such sample build"),
    };
}
