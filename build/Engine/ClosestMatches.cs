namespace Mvps.Build.Engine;

/// <summary>Suggestions for a mistyped name, by edit distance on normalized spellings.</summary>
internal static class ClosestMatches
{
    public static IReadOnlyList<string> Find(string input, IEnumerable<string> candidates)
    {
        var key = ParameterNames.Normalize(input);
        var threshold = Math.Max(2, key.Length / 3);
        return candidates
            .Select(candidate => (Candidate: candidate, Normalized: ParameterNames.Normalize(candidate)))
            .Select(x => (x.Candidate, Distance: x.Normalized.StartsWith(key, StringComparison.Ordinal) && key.Length > 0
                ? 0
                : Distance(key, x.Normalized)))
            .Where(x => x.Distance <= threshold)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Select(x => x.Candidate)
            .Take(3)
            .ToList();
    }

    /// <summary>" Did you mean: a, b?" or "" when nothing is close.</summary>
    public static string Hint(string input, IEnumerable<string> candidates)
    {
        var matches = Find(input, candidates);
        return matches.Count == 0 ? "" : $" Did you mean: {string.Join(", ", matches)}?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
