namespace Mvps.Build.Engine;

/// <summary>Exit code and captured output of a finished process.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, IReadOnlyList<ProcessOutputLine> Output)
{
    public string StandardOutput => string.Concat(Output.Where(line => !line.IsError).Select(line => line.Text + "\n"));
    public string StandardError => string.Concat(Output.Where(line => line.IsError).Select(line => line.Text + "\n"));
}
