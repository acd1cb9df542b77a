namespace Mvps.Build.Engine.Tests;

public sealed class ParameterBindingTests
{
    private const string FileWithRetries = """{ "$schema": "./build.schema.json", "Retries": 4 }""";

    [Fact]
    public void Command_line_beats_environment_beats_parameters_file()
    {
        using var harness = new BuildHarness(FileWithRetries);
        harness.Environment["RETRIES"] = "3";

        var fromCommandLine = new ParameterBuild();
        harness.Run(fromCommandLine, "Show", "--retries", "2");
        Assert.Equal(2, fromCommandLine.Retries);
        Assert.Equal("command line", Source(fromCommandLine, "Retries"));

        var fromEnvironment = new ParameterBuild();
        harness.Run(fromEnvironment, "Show");
        Assert.Equal(3, fromEnvironment.Retries);
        Assert.Equal("environment variable RETRIES", Source(fromEnvironment, "Retries"));

        harness.Environment.Clear();
        var fromFile = new ParameterBuild();
        harness.Run(fromFile, "Show");
        Assert.Equal(4, fromFile.Retries);
        Assert.Equal(".nuke/parameters.json", Source(fromFile, "Retries"));
    }

    [Fact]
    public void Unset_parameter_keeps_its_initializer()
    {
        using var harness = new BuildHarness();
        var build = new ParameterBuild();

        harness.Run(build, "Show");

        Assert.Equal(1, build.Retries);
        Assert.Equal(SampleConfiguration.Debug, build.Configuration);
        Assert.Equal("default", Source(build, "Retries"));
    }

    [Theory]
    [InlineData("NuGetSource")]
    [InlineData("NUGETSOURCE")]
    [InlineData("NU_GET_SOURCE")]
    public void Environment_accepts_exact_upper_and_snake_case_names(string variable)
    {
        using var harness = new BuildHarness();
        harness.Environment[variable] = "feed";
        var build = new ParameterBuild();

        harness.Run(build, "Show");

        Assert.Equal("feed", build.NuGetSource);
    }

    [Fact]
    public void Parameters_file_accepts_kebab_case_keys_and_arrays()
    {
        using var harness = new BuildHarness("""{ "nu-get-source": "feed", "Tags": ["a", "b"], "Verbose": true }""");
        var build = new ParameterBuild();

        harness.Run(build, "Show");

        Assert.Equal("feed", build.NuGetSource);
        Assert.Equal(["a", "b"], build.Tags);
        Assert.True(build.Verbose);
    }

    [Fact]
    public void Command_line_types_bool_flag_enum_and_array()
    {
        using var harness = new BuildHarness();
        var build = new ParameterBuild();

        var outcome = harness.Run(build, "Show", "--verbose", "--configuration", "release", "--tags", "x", "y", "z");

        Assert.Equal(0, outcome.ExitCode);
        Assert.True(build.Verbose);
        Assert.Equal(SampleConfiguration.Release, build.Configuration);
        Assert.Equal(["x", "y", "z"], build.Tags);
    }

    [Fact]
    public void Environment_array_is_split_on_spaces()
    {
        using var harness = new BuildHarness();
        harness.Environment["TAGS"] = "one  two";
        var build = new ParameterBuild();

        harness.Run(build, "Show");

        Assert.Equal(["one", "two"], build.Tags);
    }

    [Fact]
    public void Server_build_is_detected_from_the_injected_environment()
    {
        using var harness = new BuildHarness();
        var local = new ParameterBuild();
        harness.Run(local, "Show");
        Assert.True(local.IsLocalBuild);

        harness.Environment["CI"] = "true";
        var server = new ParameterBuild();
        harness.Run(server, "Show");
        Assert.True(server.IsServerBuild);
    }

    private static string Source(ParameterBuild build, string name) =>
        build.ParameterBindings.Single(binding => binding.Parameter.Name == name).Source;
}
