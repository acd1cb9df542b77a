using System.Diagnostics;

namespace Mvps.Codec.Tests.Capture;

/// <summary>Runs external programs (found by <see cref="ToolLocator"/>) with captured output.</summary>
internal static class ExternalTool
{
    /// <summary>Runs the tool to completion; returns exit code and standard output (stderr kept for failure messages).</summary>
    public static (int ExitCode, string StandardOutput, string StandardError) Run(string name, params string[] arguments)
    {
        var executable = ToolLocator.Find(name) ?? throw new InvalidOperationException($"{name} is not on PATH");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // tshark wants a writable config home; keep it away from the real one, private to this test process.
        var home = PrivateHome.Path;
        start.Environment["HOME"] = home;
        start.Environment["XDG_CONFIG_HOME"] = home;
        start.Environment["LC_ALL"] = "C";
        start.Environment["TZ"] = "UTC";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderrTask.GetAwaiter().GetResult());
    }
}
