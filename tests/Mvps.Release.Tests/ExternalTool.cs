using System.Diagnostics;

namespace Mvps.Release.Tests;

/// <summary>Runs a program found on PATH with arguments (no shell), capturing its output.</summary>
internal static class ExternalTool
{
    public static (int ExitCode, string Output) Run(string tool, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(ToolLocator.Find(tool) ?? throw new InvalidOperationException($"{tool} not on PATH"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
