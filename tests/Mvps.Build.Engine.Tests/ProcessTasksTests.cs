namespace Mvps.Build.Engine.Tests;

public sealed class ProcessTasksTests
{
    [Fact]
    public void Captures_output_and_exit_code()
    {
        var result = ProcessTasks.StartProcess("dotnet", ["--version"], logOutput: false);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StandardOutput);
        Assert.Equal("dotnet --version", result.CommandLine);
    }

    [Fact]
    public void Non_zero_exit_throws_naming_the_command_unless_told_not_to()
    {
        var exception = Assert.Throws<BuildException>(() =>
            ProcessTasks.StartProcess("dotnet", ["no-such-command-mvps"], logOutput: false));
        Assert.StartsWith("Process 'dotnet no-such-command-mvps' exited with code ", exception.Message, StringComparison.Ordinal);

        var result = ProcessTasks.StartProcess("dotnet", ["no-such-command-mvps"], throwOnFailure: false, logOutput: false);
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public void Missing_tool_is_a_build_exception()
    {
        var exception = Assert.Throws<BuildException>(() =>
            ProcessTasks.StartProcess("mvps-no-such-tool", [], logOutput: false));
        Assert.StartsWith("Cannot start 'mvps-no-such-tool'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Streams_output_to_the_log_writer()
    {
        using var writer = new StringWriter();
        using (Log.RedirectTo(writer))
        {
            ProcessTasks.StartProcess("dotnet", ["--version"]);
        }

        var lines = writer.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("> dotnet --version", lines[0]);
        Assert.Matches(@"^\d+\.\d+\.\d+", lines[1]);
    }

    [Fact]
    public void Command_line_quotes_arguments_with_spaces_or_quotes()
    {
        Assert.Equal("dotnet test \"a b\" \"\" \"x\\\"y\"", ProcessTasks.FormatCommandLine("dotnet", ["test", "a b", "", "x\"y"]));
    }
}
