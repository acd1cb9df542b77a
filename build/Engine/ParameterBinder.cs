namespace Mvps.Build.Engine;

/// <summary>
/// Sets [Parameter] members from, in order of precedence: the command line (--kebab-name), the environment
/// (exact name, upper-case name, SNAKE_CASE name), .nuke/parameters.json; otherwise the member keeps its initializer.
/// The environment is a lookup function so callers (and tests) decide what it contains.
/// </summary>
internal static class ParameterBinder
{
    public static IReadOnlyList<ParameterBinding> Bind(
        NukeBuild build,
        CommandLineArguments arguments,
        Func<string, string?> environment,
        ParametersFile file)
    {
        var parameters = ParameterMember.Discover(build.GetType());
        RejectUnknown(parameters, arguments, file);

        var bindings = new List<ParameterBinding>();
        foreach (var parameter in parameters)
        {
            if (!ParameterValueConverter.IsSupported(parameter.Type))
            {
                throw new UsageException($"Parameter '{parameter.Name}' has unsupported type {parameter.Type.Name}.");
            }

            var (values, source) = Lookup(parameter, arguments, environment, file);
            if (values is not null)
            {
                parameter.SetValue(build, ParameterValueConverter.Convert(parameter, values, source));
            }

            bindings.Add(new ParameterBinding(parameter, source));
        }

        return bindings;
    }

    public static IEnumerable<string> EnvironmentNames(ParameterMember parameter) =>
        new[] { parameter.Name, parameter.Name.ToUpperInvariant(), ParameterNames.ToSnakeUpperCase(parameter.Name) }
            .Distinct(StringComparer.Ordinal);

    private static (IReadOnlyList<string>? Values, string Source) Lookup(
        ParameterMember parameter, CommandLineArguments arguments, Func<string, string?> environment, ParametersFile file)
    {
        if (arguments.Get(parameter.Name) is { } commandLineValues)
        {
            return (commandLineValues, ParameterBinding.CommandLineSource);
        }

        foreach (var name in EnvironmentNames(parameter))
        {
            var text = environment(name);
            if (!string.IsNullOrEmpty(text))
            {
                IReadOnlyList<string> values = parameter.Type.IsArray
                    ? text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                    : [text];
                return (values, $"environment variable {name}");
            }
        }

        if (file.Get(parameter.Name) is { } fileValues)
        {
            return (fileValues, ParametersFile.RelativePath);
        }

        return (null, ParameterBinding.DefaultSource);
    }

    private static void RejectUnknown(IReadOnlyList<ParameterMember> parameters, CommandLineArguments arguments, ParametersFile file)
    {
        var known = parameters.Select(parameter => parameter.Flag)
            .Concat(BuiltInOptions.All.Select(option => "--" + option.Name))
            .ToList();
        var knownKeys = known.Select(ParameterNames.Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var flag in arguments.Flags)
        {
            if (!knownKeys.Contains(ParameterNames.Normalize(flag)))
            {
                throw new UsageException($"Unknown parameter '{flag}'.{ClosestMatches.Hint(flag, known)}");
            }
        }

        var fileKeys = parameters.Select(parameter => parameter.Name)
            .Concat(BuiltInOptions.AllowedInParametersFile)
            .ToList();
        var fileKeySet = fileKeys.Select(ParameterNames.Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var key in file.Keys)
        {
            if (!fileKeySet.Contains(ParameterNames.Normalize(key)))
            {
                throw new UsageException(
                    $"{ParametersFile.RelativePath}: unknown parameter '{key}'.{ClosestMatches.Hint(key, fileKeys)}");
            }
        }
    }
}
