namespace Mvps.Build.Determinism;

/// <summary>
/// The loop both gates share: compare the named files of two folders byte for byte, report a file missing
/// on either side, and let the caller's describer say how two different files differ.
/// </summary>
internal static class FolderComparison
{
    public const int MaxPerFile = 10;

    public static IReadOnlyList<string> Compare(string expectedFolder, string actualFolder, IEnumerable<string> names, Func<string, byte[], byte[], List<string>> describe)
    {
        var differences = new List<string>();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var expected = Path.Combine(expectedFolder, name);
            var actual = Path.Combine(actualFolder, name);
            if (!File.Exists(expected) || !File.Exists(actual))
            {
                differences.Add($"{name}: only in {(File.Exists(expected) ? expectedFolder : actualFolder)}");
                continue;
            }

            var a = File.ReadAllBytes(expected);
            var b = File.ReadAllBytes(actual);
            if (!a.AsSpan().SequenceEqual(b))
            {
                differences.AddRange(describe(name, a, b).Take(MaxPerFile).Select(text => $"{name}: {text}"));
            }
        }

        return differences;
    }
}
