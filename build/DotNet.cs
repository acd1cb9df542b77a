using Mvps.Build.Determinism;
using Mvps.Build.Engine;

/// <summary>
/// One typed `dotnet` call: the verb, the project and the options the targets use, so `-c`, `-nologo` and the
/// property syntax are written once. <see cref="Arguments"/> is the exact argument list the SDK receives.
/// </summary>
internal sealed record DotNet(string Verb, string? Project = null)
{
    public Configuration? Configuration { get; init; }

    public bool NoBuild { get; init; }

    public string? Output { get; init; }

    public string? Runtime { get; init; }

    /// <summary>-f: one target framework of a multi-targeted project.</summary>
    public string? Framework { get; init; }

    public bool SelfContained { get; init; }

    /// <summary>MSBuild properties, passed as -p:Name=Value in the given order.</summary>
    public IReadOnlyList<(string Name, string Value)> Properties { get; init; } = [];

    /// <summary>Anything else, after the typed options (e.g. --logger, --filter, -clp:NoSummary).</summary>
    public IReadOnlyList<string> Extra { get; init; } = [];

    public IReadOnlyList<string> Arguments()
    {
        List<string> arguments = [Verb];
        if (Project is not null)
        {
            arguments.Add(Project);
        }

        if (NoBuild)
        {
            arguments.Add("--no-build");
        }

        if (Configuration is { } configuration)
        {
            arguments.AddRange(["-c", configuration.ToString()]);
        }

        if (Runtime is not null)
        {
            arguments.AddRange(["-r", Runtime]);
        }

        if (Framework is not null)
        {
            arguments.AddRange(["-f", Framework]);
        }

        if (SelfContained)
        {
            arguments.Add("--self-contained");
        }

        if (Output is not null)
        {
            arguments.AddRange(["-o", Output]);
        }

        // `dotnet tool install` rejects -nologo ("Unrecognized command or argument"); the build verbs take it.
        if (Verb != "tool")
        {
            arguments.Add("-nologo");
        }

        arguments.AddRange(Properties.Select(property => $"-p:{property.Name}={property.Value}"));
        arguments.AddRange(Extra);
        return arguments;
    }

    /// <summary>Runs the command; a non-zero exit fails the target unless <paramref name="throwOnFailure"/> is false.</summary>
    public ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null, bool throwOnFailure = true) =>
        ProcessTasks.StartProcess("dotnet", Arguments(), workingDirectory, environment, throwOnFailure);
}
