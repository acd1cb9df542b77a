using System.Text;

namespace Mvps.Release;

/// <summary>
/// SHA256SUMS in GNU coreutils format: one "&lt;64 hex&gt;  &lt;name&gt;" line per file (two spaces: text mode),
/// sorted by ordinal name, LF endings, so `sha256sum -c SHA256SUMS` checks a release without our code.
/// </summary>
public static class Sha256Sums
{
    private const int HexLength = 64;

    /// <summary>
    /// Bad lines named one by one; the rest are counted in one more problem. A 1 MiB list of empty lines would
    /// otherwise be a million problems, printed and held (found by fuzzing).
    /// </summary>
    internal const int MaxLineProblems = 20;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Digests of the named files in <paramref name="folder"/>, or with no names of every regular file
    /// directly in it (not recursive). Sorted by ordinal name.
    /// </summary>
    public static IReadOnlyList<ChecksumEntry> Compute(string folder, IEnumerable<string>? fileNames = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new ReleaseInputException($"{folder}: no such folder");
        }

        var names = fileNames ?? FolderDigests.List(folder).Where(e => e.Kind == Mvps.IO.FileKindValue.Regular).Select(e => e.Name);
        var digests = new FolderDigests(folder);
        var entries = new List<ChecksumEntry>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (!ReleaseFileNames.IsPlainName(name))
            {
                throw new ReleaseInputException($"{ReleaseFileNames.Printable(name)}: not a plain file name inside {folder} (releases are flat; no separators, backslashes or control characters)");
            }

            var digest = digests.DigestOf(name) ?? throw new ReleaseInputException($"{Path.Combine(folder, name)}: no such file");
            entries.Add(new ChecksumEntry(name, digest));
        }

        entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    /// <summary>The SHA256SUMS text for the entries, sorted by ordinal name.</summary>
    public static string Format(IEnumerable<ChecksumEntry> entries)
    {
        var builder = new StringBuilder();
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (!ReleaseFileNames.IsPlainName(entry.Name))
            {
                throw new ArgumentException($"{ReleaseFileNames.Printable(entry.Name)}: not a plain file name", nameof(entries));
            }

            if (!IsHexDigest(entry.Sha256, lowercaseOnly: true))
            {
                throw new ArgumentException($"{entry.Name}: digest is not 64 lowercase hex digits", nameof(entries));
            }

            builder.Append(entry.Sha256).Append("  ").Append(entry.Name).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The UTF-8 bytes of <see cref="Format"/>: exactly what is written and what the detached signature covers.</summary>
    internal static byte[] FormatBytes(IEnumerable<ChecksumEntry> entries) => Encoding.UTF8.GetBytes(Format(entries));

    /// <summary>Parses SHA256SUMS bytes; lines that are not "&lt;hex&gt;  &lt;name&gt;" become problems naming the line.</summary>
    internal static ChecksumList Parse(ReadOnlySpan<byte> bytes, string sourceName = ReleaseFileNames.Checksums)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return new ChecksumList(sourceName, [], [new ReleaseProblem(sourceName, "not UTF-8 text")]);
        }

        return Parse(text, sourceName);
    }

    /// <summary>Parses SHA256SUMS text; see <see cref="Parse(ReadOnlySpan{byte}, string)"/>.</summary>
    internal static ChecksumList Parse(string text, string sourceName = ReleaseFileNames.Checksums)
    {
        var entries = new List<ChecksumEntry>();
        var problems = new List<ReleaseProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        // A final LF leaves one empty piece; sha256sum also accepts a last line without LF.
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var unnamed = 0;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i];
            var lineNumber = i + 1;
            string? problem = null;
            if (!TryParseLine(line, out var entry, out var why))
            {
                problem = why;
            }
            else if (!seen.Add(entry!.Name))
            {
                problem = $"{ReleaseFileNames.Printable(entry.Name)} is listed twice";
            }
            else
            {
                entries.Add(entry);
            }

            if (problem is not null && problems.Count < MaxLineProblems)
            {
                problems.Add(new ReleaseProblem(sourceName, $"line {lineNumber}: {problem}"));
            }
            else if (problem is not null)
            {
                unnamed++;
            }
        }

        if (unnamed > 0)
        {
            problems.Add(new ReleaseProblem(sourceName, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{unnamed} more line(s) that are not \"<64 hex digits>  <file name>\" or list a file again")));
        }

        if (count == 0)
        {
            problems.Add(new ReleaseProblem(sourceName, "lists no files"));
        }

        return new ChecksumList(sourceName, entries, problems);
    }

    /// <summary>
    /// Checks every listed file in <paramref name="folder"/>: each one whose digest differs or that is
    /// missing is a problem naming it, as are the list's malformed lines.
    /// </summary>
    internal static IReadOnlyList<ReleaseProblem> Verify(string folder, ChecksumList list)
    {
        if (!Directory.Exists(folder))
        {
            throw new ReleaseInputException($"{folder}: no such folder");
        }

        return Verify(new FolderDigests(folder), list);
    }

    internal static IReadOnlyList<ReleaseProblem> Verify(FolderDigests folder, ChecksumList list)
    {
        var problems = new List<ReleaseProblem>(list.Problems);
        foreach (var entry in list.Entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var actual = folder.DigestOf(entry.Name);
            if (actual is null)
            {
                problems.Add(new ReleaseProblem(entry.Name, folder.IsPresent(entry.Name)
                    ? $"listed in {list.SourceName} but not a regular file (a release is a flat folder of regular files; links are not followed)"
                    : $"listed in {list.SourceName} but missing from the folder"));
            }
            else if (!actual.Equals(entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new ReleaseProblem(entry.Name, $"SHA-256 {actual} differs from {list.SourceName} ({entry.Sha256.ToLowerInvariant()})"));
            }
        }

        return problems;
    }

    private static bool TryParseLine(string line, out ChecksumEntry? entry, out string? why)
    {
        entry = null;
        if (line.EndsWith('\r'))
        {
            why = "ends in CR: SHA256SUMS uses LF line endings";
            return false;
        }

        if (line.StartsWith('\\'))
        {
            why = "escaped file name (leading backslash): release file names never need escaping";
            return false;
        }

        // "<hex>  <name>" in text mode or "<hex> *<name>" in binary mode; both mean the same to sha256sum.
        if (line.Length < HexLength + 3 || line[HexLength] != ' ' || line[HexLength + 1] is not (' ' or '*'))
        {
            why = "not \"<64 hex digits>  <file name>\"";
            return false;
        }

        var hex = line[..HexLength];
        if (!IsHexDigest(hex, lowercaseOnly: false))
        {
            why = "digest is not 64 hex digits";
            return false;
        }

        var name = line[(HexLength + 2)..];
        if (!ReleaseFileNames.IsPlainName(name))
        {
            why = $"{ReleaseFileNames.Printable(name)} is not a plain file name in the release folder";
            return false;
        }

        entry = new ChecksumEntry(name, hex);
        why = null;
        return true;
    }

    internal static bool IsHexDigest(string value, bool lowercaseOnly)
    {
        if (value.Length != HexLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            var ok = c is (>= '0' and <= '9') or (>= 'a' and <= 'f') || (!lowercaseOnly && c is >= 'A' and <= 'F');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
