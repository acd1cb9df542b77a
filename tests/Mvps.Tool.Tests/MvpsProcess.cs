namespace Mvps.Tool.Tests;

/// <summary>Runs the real mvps tool (the built mvps.dll beside this assembly) in a subprocess, through <see cref="ExternalProgram"/>.</summary>
internal static class MvpsProcess
{
    public static string Evidence(string file) => RepositoryRoot.Evidence(file);

    public static ProcessResult Run(params string[] args) => Run(null, args);

    /// <summary>
    /// In this process's working directory, with no hang limit: some tests feed the tool large or hostile inputs on a
    /// loaded machine, and a test must not fail for being slow. <paramref name="environment"/> is set on top of
    /// <see cref="ExternalProgram"/>'s pinned one.
    /// </summary>
    public static ProcessResult Run(IDictionary<string, string>? environment, params string[] args) =>
        ExternalProgram.Run(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "mvps.dll"), .. args],
            workingDirectory: Environment.CurrentDirectory,
            environment: environment?.ToDictionary(),
            hangLimit: Timeout.InfiniteTimeSpan);
}
