using Mvps.Build.Engine;

namespace Mvps.Build.Determinism;

/// <summary>
/// The one way the build starts an mvps: the program, the arguments before the verb, and how settings.json names
/// it. The framework-dependent tool of the Compile target is one launcher; each evidence run's published or varied
/// generator is another (<see cref="GeneratorBuilds"/>).
/// </summary>
internal sealed record ToolLauncher(string Tool, IReadOnlyList<string> Arguments, string Description)
{
    /// <summary>The Compile target's mvps.dll under the installed runtime; <paramref name="relativeDll"/> is how settings.json names it.</summary>
    public static ToolLauncher FrameworkDependent(AbsolutePath mvpsDll, string relativeDll) =>
        new("dotnet", [mvpsDll], "dotnet " + relativeDll);

    /// <summary>
    /// Runs mvps with <paramref name="arguments"/> (the verb first). With a <paramref name="umask"/> on Unix a shell
    /// sets it and execs the tool, since .NET cannot set a child's umask; Windows has none (nor, for certain, sh).
    /// </summary>
    public ProcessResult Run(
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? umask = null,
        bool throwOnFailure = true,
        bool logOutput = true)
    {
        List<string> command = [.. Arguments, .. arguments];
        return umask is null || OperatingSystem.IsWindows()
            ? ProcessTasks.StartProcess(Tool, command, workingDirectory, environment, throwOnFailure, logOutput)
            : ProcessTasks.StartProcess("sh", ["-c", $"umask {umask} && exec \"$@\"", "sh", Tool, .. command], workingDirectory, environment, throwOnFailure, logOutput);
    }
}
