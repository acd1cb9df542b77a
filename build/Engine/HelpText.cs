using System.Globalization;
using System.Text;

namespace Mvps.Build.Engine;

/// <summary>--help output: listed targets with descriptions and direct dependencies, then parameters.</summary>
internal static class HelpText
{
    private const string Gap = "   ";

    public static string Render(
        IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<string> defaultTargets, NukeBuild build,
        IReadOnlyList<ParameterBinding> bindings)
    {
        var builder = new StringBuilder();
        builder.Append("Targets (with their direct dependencies):\n\n");
        var listed = targets.Where(target => target.Listed).ToList();
        var labels = listed.Select(target => target.Name + (defaultTargets.Contains(target.Name) ? " (default)" : "")).ToList();
        var labelWidth = labels.Select(label => label.Length).Append(0).Max();
        for (var i = 0; i < listed.Count; i++)
        {
            var target = listed[i];
            var line = "  " + labels[i].PadRight(labelWidth) + Gap + (target.Description ?? "");
            builder.Append(line.TrimEnd()).Append('\n');
            if (target.ExecutionDependencies.Count > 0)
            {
                builder.Append("  ").Append(new string(' ', labelWidth)).Append(Gap).Append("-> ")
                    .Append(string.Join(", ", target.ExecutionDependencies.Select(dependency => dependency.Name))).Append('\n');
            }
        }

        var parameterRows = bindings
            .Select(binding => (
                Usage: Usage(binding.Parameter),
                Text: $"{binding.Parameter.Description ?? ""} [{CurrentValue(binding, build)}]".TrimStart()))
            .ToList();
        var builtInRows = BuiltInOptions.All
            .Select(option => (Usage: $"--{option.Name} {option.Hint}".TrimEnd(), Text: option.Description))
            .ToList();
        var usageWidth = parameterRows.Concat(builtInRows).Max(row => row.Usage.Length);

        builder.Append("\nParameters:\n\n");
        foreach (var (usage, text) in parameterRows)
        {
            builder.Append("  ").Append(usage.PadRight(usageWidth)).Append(Gap).Append(text).Append('\n');
        }

        if (parameterRows.Count > 0)
        {
            builder.Append('\n');
        }

        foreach (var (usage, text) in builtInRows)
        {
            builder.Append("  ").Append(usage.PadRight(usageWidth)).Append(Gap).Append(text).Append('\n');
        }

        return builder.ToString();
    }

    private static string Usage(ParameterMember parameter)
    {
        var type = parameter.ValueType;
        var hint = type == typeof(bool) ? "" :
            type.IsEnum ? "<" + string.Join("|", Enum.GetNames(type)) + ">" :
            type == typeof(int) ? "<int>" : "<string>";
        if (parameter.Type.IsArray)
        {
            hint = hint.Length == 0 ? "<bool...>" : hint[..^1] + "...>";
        }

        return (parameter.Flag + " " + hint).TrimEnd();
    }

    private static string CurrentValue(ParameterBinding binding, NukeBuild build)
    {
        var value = binding.Parameter.GetValue(build);
        var text = value switch
        {
            null => "not set",
            Array { Length: 0 } => "not set",
            _ when binding.Parameter.IsSecret => "secret",
            Array array => string.Join(" ", array.Cast<object?>().Select(Format)),
            _ => Format(value),
        };
        return $"{text}, {binding.Source}";
    }

    private static string Format(object? value) => value switch
    {
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
