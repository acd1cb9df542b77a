namespace Mvps.Build.Engine;

/// <summary>
/// One build invocation: parse the command line, bind parameters, plan, then help/plan/run and summarize.
/// Everything outside (arguments, environment, root, output) is passed in, so tests run builds hermetically.
/// </summary>
public static class BuildRunner
{
    public const int ExitSuccess = 0;
    public const int ExitBuildFailed = 1;
    public const int ExitUsage = 2;

    // Flags that take no values: words after them are target names ("--plan Test" plans Test).
    private static readonly string[] FlagsFollowedByTargets =
        [BuiltInOptions.Plan, BuiltInOptions.Help, BuiltInOptions.Continue, BuiltInOptions.GenerateSchema];

    private static readonly string[] ServerEnvironmentVariables = ["CI", "TF_BUILD", "GITHUB_ACTIONS"];

    public static int Run(
        NukeBuild build,
        IReadOnlyList<string> args,
        Func<string, string?> environment,
        string? rootDirectory,
        TextWriter output,
        IReadOnlyList<string> defaultTargets)
    {
        using var redirect = Log.RedirectTo(output);
        try
        {
            return RunCore(build, args, environment, rootDirectory, defaultTargets);
        }
        catch (UsageException exception)
        {
            Log.Error(exception.Message);
            return ExitUsage;
        }
        catch (Exception exception) when (exception is BuildException or IOException or UnauthorizedAccessException)
        {
            // Failures outside a target (writing the schema, the summary): message only.
            Log.Error(exception.Message);
            return ExitBuildFailed;
        }
    }

    private static int RunCore(
        NukeBuild build, IReadOnlyList<string> args, Func<string, string?> environment, string? rootDirectory,
        IReadOnlyList<string> defaultTargets)
    {
        var arguments = CommandLineArguments.Parse(args);
        var root = ResolveRoot(arguments, rootDirectory);
        build.RootDirectory = AbsolutePath.Create(root);
        build.IsServerBuild = ServerEnvironmentVariables.Any(name => !string.IsNullOrEmpty(environment(name)));
        StepSummary.FilePath = environment(StepSummary.Variable);

        var targets = TargetDiscovery.Discover(build);
        build.ExecutableTargets = targets;
        var file = ParametersFile.Load(root);
        build.ParameterBindings = ParameterBinder.Bind(build, arguments, environment, file);

        if (arguments.Has(BuiltInOptions.Help))
        {
            Log.WriteLine(Log.Writer, HelpText.Render(targets, defaultTargets, build, build.ParameterBindings).TrimEnd('\n'));
            return ExitSuccess;
        }

        var requested = arguments.PositionalTargets
            .Concat(arguments.Get(BuiltInOptions.Target) ?? [])
            .Concat(FlagsFollowedByTargets.SelectMany(flag => arguments.Get(flag) ?? []))
            .ToList();

        if (arguments.Has(BuiltInOptions.GenerateSchema))
        {
            BuildSchema.Write(build.GetType(), build.RootDirectory / BuildSchema.RelativePath);
            Log.Information($"Wrote {BuildSchema.RelativePath}");
            if (requested.Count == 0)
            {
                return ExitSuccess;
            }
        }

        if (requested.Count == 0)
        {
            requested = [.. file.Get(BuiltInOptions.Target) ?? defaultTargets];
        }

        var invoked = Resolve(requested, targets);
        var skipNames = arguments.Get(BuiltInOptions.Skip) ?? file.Get(BuiltInOptions.Skip);
        var skipped = skipNames is null ? null : Resolve(skipNames, targets);
        var continueOnFailure = arguments.Has(BuiltInOptions.Continue) ||
            file.Get(BuiltInOptions.Continue) is ["true"];

        var plan = ExecutionPlanner.Plan(invoked);
        build.ExecutionPlan = plan;
        TargetSkipper.ApplySkipOption(plan, skipped);
        TargetSkipper.ApplyStaticConditions(plan);

        if (arguments.Has(BuiltInOptions.Plan))
        {
            Log.WriteLine(Log.Writer, PlanText.Render(plan).TrimEnd('\n'));
            return ExitSuccess;
        }

        Directory.CreateDirectory(build.TemporaryDirectory);
        BuildExecutor.Execute(build, plan, continueOnFailure);

        Log.Information("");
        Log.WriteLine(Log.Writer, SummaryTable.Render(plan).TrimEnd('\n'));
        StepSummary.Append(StepSummary.RenderTable(plan));
        if (build.FinalLine is { } finalLine)
        {
            Log.Information("");
            Log.WriteLine(Log.Writer, finalLine);
        }
        return build.IsSuccessful ? ExitSuccess : ExitBuildFailed;
    }

    private static string ResolveRoot(CommandLineArguments arguments, string? rootDirectory)
    {
        if (arguments.Get(BuiltInOptions.Root) is { } values)
        {
            return values is [var path]
                ? Path.GetFullPath(path)
                : throw new UsageException("Option --root takes exactly one directory.");
        }

        return rootDirectory is not null ? Path.GetFullPath(rootDirectory) : RootDirectoryLocator.Locate();
    }

    private static List<ExecutableTarget> Resolve(IEnumerable<string> names, IReadOnlyList<ExecutableTarget> targets)
    {
        var resolved = new List<ExecutableTarget>();
        foreach (var name in names)
        {
            var key = ParameterNames.Normalize(name);
            var target = targets.FirstOrDefault(candidate => ParameterNames.Normalize(candidate.Name) == key)
                ?? throw new UsageException(
                    $"Unknown target '{name}'.{ClosestMatches.Hint(name, targets.Select(candidate => candidate.Name))}");
            if (!resolved.Contains(target))
            {
                resolved.Add(target);
            }
        }

        return resolved;
    }
}
