using System.Diagnostics;

namespace Mvps.Tool.Tests;

/// <summary>Runs the real mvps tool (the built mvps.dll beside this assembly) in a subprocess.</summary>
internal static class MvpsProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    

    public static string Evidence(string file) => RepositoryRoot.Evidence(file);

    public static Result Run(params string[] args) => Run(null, args);

    public static Result Run(IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mvps.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
