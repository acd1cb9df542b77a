using System.IO.Compression;
using static Mvps.IO.Invariant;

namespace Mvps.Build.Determinism;

/// <summary>
/// Compares what two compiles (or packs) of the same sources produced, file by file and byte for byte,
/// recursively. A differing NuGet package (a zip) is described entry by entry — order, name, timestamp,
/// content — because that is where pack non-determinism hides; other files by their first differing offset.
/// </summary>
internal static class BuildOutputComparison
{
    /// <summary>The differences between the files of two folders (relative paths, '/'-separated); empty when identical.</summary>
    public static IReadOnlyList<string> Compare(string expectedFolder, string actualFolder) =>
        FolderComparison.Compare(expectedFolder, actualFolder, Files(expectedFolder).Union(Files(actualFolder), StringComparer.Ordinal), (name, a, b) =>
        {
            var found = name.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase) ? DescribePackages(a, b) : [];
            if (found.Count == 0)
            {
                found.Add(I($"{a.Length} and {b.Length} bytes, first difference at offset {a.AsSpan().CommonPrefixLength(b)}"));
            }

            return found;
        });

    /// <summary>Files present in both folders whose bytes differ (relative, '/'-separated, ordinal order).</summary>
    public static IReadOnlyList<string> DifferingFiles(string expectedFolder, string actualFolder) =>
        Files(expectedFolder).Intersect(Files(actualFolder), StringComparer.Ordinal)
            .Where(name => !File.ReadAllBytes(Path.Combine(expectedFolder, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, name))))
            .ToList();

    /// <summary>Files below a folder, relative, '/'-separated, ordinal order.</summary>
    public static IReadOnlyList<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    private static List<string> DescribePackages(byte[] a, byte[] b)
    {
        var found = new List<string>();
        try
        {
            using var zipA = new ZipArchive(new MemoryStream(a), ZipArchiveMode.Read);
            using var zipB = new ZipArchive(new MemoryStream(b), ZipArchiveMode.Read);
            var entriesA = zipA.Entries.ToList();
            var entriesB = zipB.Entries.ToList();
            if (!entriesA.Select(e => e.FullName).SequenceEqual(entriesB.Select(e => e.FullName), StringComparer.Ordinal))
            {
                found.Add("entry names or order differ: " + string.Join(", ", entriesA.Select(e => e.FullName).Except(entriesB.Select(e => e.FullName), StringComparer.Ordinal)
                    .Concat(entriesB.Select(e => e.FullName).Except(entriesA.Select(e => e.FullName), StringComparer.Ordinal)).DefaultIfEmpty("(same names, other order)")));
            }

            var byNameB = entriesB.GroupBy(e => e.FullName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var entryA in entriesA)
            {
                if (!byNameB.TryGetValue(entryA.FullName, out var entryB))
                {
                    continue;
                }

                if (entryA.LastWriteTime != entryB.LastWriteTime)
                {
                    found.Add(I($"entry {entryA.FullName}: timestamp {entryA.LastWriteTime:yyyy-MM-dd HH:mm:ss} != {entryB.LastWriteTime:yyyy-MM-dd HH:mm:ss}"));
                }

                if (entryA.ExternalAttributes != entryB.ExternalAttributes)
                {
                    found.Add(I($"entry {entryA.FullName}: attributes 0x{entryA.ExternalAttributes:x8} != 0x{entryB.ExternalAttributes:x8}"));
                }

                if (!Read(entryA).AsSpan().SequenceEqual(Read(entryB)))
                {
                    found.Add(I($"entry {entryA.FullName}: content differs"));
                }
            }
        }
        catch (InvalidDataException e)
        {
            found.Add("unreadable package: " + e.Message);
        }

        return found;
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
