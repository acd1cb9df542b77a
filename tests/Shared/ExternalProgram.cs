using System.Diagnostics;

namespace Mvps.Tests.Shared;

/// <summary>
/// The tests' one way to run a program (found on PATH, or a full path) to completion with captured output: the
/// external oracles (tshark, openssl, sha256sum, ...) and the built mvps tool alike.
/// </summary>
public static class ExternalProgram
{
    /// <summary>A safety net against a hung child process, not a timing assertion.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    public static string Require(string name) =>
        ToolLocator.Find(name) ?? throw new InvalidOperationException($"{name} is not on PATH (the test should have been skipped)");

    /// <summary>
    /// Runs <paramref name="program"/> (a PATH name or a full path) in <paramref name="workingDirectory"/>.
    /// The environment is pinned (C locale, UTC, a private HOME so no personal Wireshark profile leaks in);
    /// <paramref name="pathPrefix"/> is put in front of PATH. <paramref name="hangLimit"/> widens the safety net
    /// for a script that runs many programs in turn (a whole recipe on a loaded machine); <see cref="Timeout.InfiniteTimeSpan"/>
    /// waits as long as the program runs.
    /// </summary>
    public static ProcessResult Run(
        string program,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        string? pathPrefix = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? hangLimit = null)
    {
        var executable = Path.IsPathRooted(program) ? program : Require(program);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = PrivateHome.Path;
        start.Environment["XDG_CONFIG_HOME"] = PrivateHome.Path;
        start.Environment["LC_ALL"] = "C";
        start.Environment["LANG"] = "C";
        start.Environment["TZ"] = "UTC";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (pathPrefix is not null)
        {
            start.Environment["PATH"] = pathPrefix + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(hangLimit ?? HangLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish; killed");
        }

        process.WaitForExit();
        var display = Path.GetFileName(executable) + " " + string.Join(' ', start.ArgumentList);
        return new ProcessResult(display, process.ExitCode, stdoutTask.GetAwaiter().GetResult(), stderrTask.GetAwaiter().GetResult());
    }

    public static ProcessResult Run(string program, params string[] arguments) => Run(program, (IEnumerable<string>)arguments);
}
