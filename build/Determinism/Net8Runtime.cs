using System.Text.Json;
using Mvps.Build.Engine;

namespace Mvps.Build.Determinism;

/// <summary>
/// The net8 run's second runtime: the shipped projects built for net8.0 as well (src/Directory.Build.props,
/// <see cref="Property"/>), the tool published self-contained for this host's RID, so its runtime is the .NET 8
/// runtime pack NuGet serves (the SDK picks the patch version), not the installed .NET 10.
/// </summary>
internal static class Net8Runtime
{
    public const string TargetFramework = "net8.0";

    /// <summary>The MSBuild property that adds net8.0 to the shipped projects' TargetFrameworks.</summary>
    public const string Property = "AlsoTargetNet8";

    /// <summary>
    /// The runtime a self-contained publish carries, from its runtimeconfig.json ("Microsoft.NETCore.App 8.0.31");
    /// fails unless it is .NET 8, so the run can never quietly fall back to the installed runtime.
    /// </summary>
    public static string PublishedRuntime(AbsolutePath publishFolder)
    {
        var path = publishFolder / "mvps.runtimeconfig.json";
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var frameworks = config.RootElement.GetProperty("runtimeOptions").TryGetProperty("includedFrameworks", out var included)
            ? included.EnumerateArray().Select(framework => (Name: framework.GetProperty("name").GetString(), Version: framework.GetProperty("version").GetString())).ToList()
            : [];
        var netCore = frameworks.FirstOrDefault(framework => framework.Name == "Microsoft.NETCore.App");
        if (netCore.Version is null || !netCore.Version.StartsWith("8.", StringComparison.Ordinal))
        {
            throw new BuildException($"{path}: the publish does not carry a .NET 8 runtime (includedFrameworks: {string.Join(", ", frameworks.Select(framework => framework.Name + " " + framework.Version))}).");
        }

        return $"Microsoft.NETCore.App {netCore.Version}";
    }
}
