namespace Mvps.Build.Engine;

/// <summary>Options the engine itself understands, as in Nuke.</summary>
internal static class BuiltInOptions
{
    public const string Target = "target";
    public const string Skip = "skip";
    public const string Plan = "plan";
    public const string Help = "help";
    public const string Continue = "continue";
    public const string Root = "root";
    public const string GenerateSchema = "generate-schema";

    /// <summary>Flag, value hint and description, sorted by flag.</summary>
    public static readonly IReadOnlyList<(string Name, string Hint, string Description)> All =
    [
        (Continue, "", "Run targets that do not depend on a failed target."),
        (GenerateSchema, "", "Regenerate .nuke/build.schema.json (exits unless targets are given)."),
        (Help, "", "Show targets and parameters."),
        (Plan, "", "Print the execution plan without running anything."),
        (Root, "<directory>", "Root directory (default: the folder containing .nuke/ above the build)."),
        (Skip, "[targets]", "Skip the given targets; without values, skip all but the invoked ones."),
        (Target, "<targets>", "Targets to run (default: the build's default targets)."),
    ];

    /// <summary>Built-ins that may also come from .nuke/parameters.json.</summary>
    public static readonly IReadOnlyList<string> AllowedInParametersFile = [Continue, Skip, Target];
}
