using Mvps.Build.Engine;

namespace Mvps.Build.Engine.Tests;

/// <summary>Runs a build hermetically: its own root folder, an injected environment, captured output.</summary>
internal sealed class BuildHarness : IDisposable
{
    private readonly TempFolder _root = new();

    public BuildHarness(string? parametersJson = null)
    {
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
        if (parametersJson is not null)
        {
            File.WriteAllText(Path.Combine(Root, ".nuke", "parameters.json"), parametersJson);
        }
    }

    public string Root => _root.Path;
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<string> DefaultTargets { get; set; } = [];

    public BuildOutcome Run(NukeBuild build, params string[] args)
    {
        using var writer = new StringWriter();
        var exitCode = BuildRunner.Run(
            build, args, name => Environment.GetValueOrDefault(name), Root, writer, DefaultTargets);
        return new BuildOutcome(exitCode, writer.ToString());
    }

    public void Dispose() => _root.Dispose();
}

internal sealed record BuildOutcome(int ExitCode, string Output)
{
    public string[] Lines => Output.TrimEnd('\n').Split('\n');
}
