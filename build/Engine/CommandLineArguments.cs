namespace Mvps.Build.Engine;

/// <summary>
/// Nuke-style command line: leading positional words are targets; "--name v1 v2" gives an option its values
/// (every word up to the next "--"); a flag without values is true.
/// </summary>
public sealed class CommandLineArguments
{
    private readonly List<(string Flag, string Key, IReadOnlyList<string> Values)> _options = [];

    private CommandLineArguments(IReadOnlyList<string> positionalTargets) => PositionalTargets = positionalTargets;

    public IReadOnlyList<string> PositionalTargets { get; }

    /// <summary>Options as written ("--api-key"), in command line order.</summary>
    public IEnumerable<string> Flags => _options.Select(option => option.Flag);

    public static CommandLineArguments Parse(IReadOnlyList<string> args)
    {
        var index = 0;
        var positional = new List<string>();
        while (index < args.Count && !IsOption(args[index]))
        {
            positional.Add(args[index++]);
        }

        var result = new CommandLineArguments(positional);
        while (index < args.Count)
        {
            var flag = args[index++];
            var values = new List<string>();
            while (index < args.Count && !IsOption(args[index]))
            {
                values.Add(args[index++]);
            }

            var key = ParameterNames.Normalize(flag);
            if (key.Length == 0)
            {
                throw new UsageException($"Empty option '{flag}'.");
            }

            if (result._options.Any(option => option.Key == key))
            {
                throw new UsageException($"Option '{flag}' is given more than once.");
            }

            result._options.Add((flag, key, values));
        }

        return result;
    }

    public bool Has(string name) => Find(name) is not null;

    /// <summary>The values given for an option (empty for a bare flag), or null when absent.</summary>
    public IReadOnlyList<string>? Get(string name) => Find(name)?.Values;

    private (string Flag, string Key, IReadOnlyList<string> Values)? Find(string name)
    {
        var key = ParameterNames.Normalize(name);
        foreach (var option in _options)
        {
            if (option.Key == key)
            {
                return option;
            }
        }

        return null;
    }

    private static bool IsOption(string arg) => arg.StartsWith("--", StringComparison.Ordinal);
}
