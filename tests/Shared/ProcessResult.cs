namespace Mvps.Tests.Shared;

/// <summary>Exit code and output of one finished child process.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Standard output split into lines, without the empty entry after a final newline.</summary>
    public IReadOnlyList<string> Lines =>
        StandardOutput.Length == 0
            ? []
            : StandardOutput.TrimEnd('\n').Split('\n');

    /// <summary>Standard output followed by standard error, for tools that report on either.</summary>
    public string Output => StandardOutput + StandardError;

    /// <summary>Exit code, standard output and standard error.</summary>
    public void Deconstruct(out int exitCode, out string standardOutput, out string standardError) =>
        (exitCode, standardOutput, standardError) = (ExitCode, StandardOutput, StandardError);

    /// <summary>Exit code and <see cref="Output"/>.</summary>
    public void Deconstruct(out int exitCode, out string output) => (exitCode, output) = (ExitCode, Output);

    /// <summary>Fails the test with the command and its stderr when the exit code is not 0.</summary>
    public ProcessResult AssertSuccess()
    {
        Assert.True(ExitCode == 0, $"`{CommandLine}` exited {ExitCode}\nstderr: {StandardError}\nstdout: {Truncate(StandardOutput)}");
        return this;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "...";
}
