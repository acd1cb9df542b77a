namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>Exit code and output of one finished child process.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Standard output split into lines, without the empty entry after a final newline.</summary>
    public IReadOnlyList<string> Lines =>
        StandardOutput.Length == 0
            ? []
            : StandardOutput.TrimEnd('\n').Split('\n');

    /// <summary>Fails the test with the command and its stderr when the exit code is not 0.</summary>
    public ProcessResult AssertSuccess()
    {
        Assert.True(ExitCode == 0, $"`{CommandLine}` exited {ExitCode}\nstderr: {StandardError}\nstdout: {Truncate(StandardOutput)}");
        return this;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "...";
}
