using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using static Mvps.IO.Invariant;

namespace Mvps.Build.Determinism;

/// <summary>
/// The determinism gate: compares two output folders file by file, byte for byte, and names every
/// difference the way a reviewer needs it — for a capture the frame and the decoded field, for text the
/// line — so a failing run says what changed, not only that something did.
/// </summary>
internal static class OutputComparison
{
    /// <summary>
    /// Differences between two folders; with <paramref name="only"/>, just those files (a file missing on
    /// either side is a difference), otherwise every file of either folder except settings.json.
    /// </summary>
    public static IReadOnlyList<string> Compare(string expectedFolder, string actualFolder, IEnumerable<string>? only = null) =>
        FolderComparison.Compare(expectedFolder, actualFolder, only ?? Files(expectedFolder).Union(Files(actualFolder), StringComparer.Ordinal),
            (name, a, b) => name.EndsWith(".pcap", StringComparison.Ordinal) || name.EndsWith(".pcapng", StringComparison.Ordinal)
                ? DescribeCaptures(a, b)
                : DescribeText(a, b));

    /// <summary>The names of the files directly in a folder (no recursion), in ordinal order.</summary>
    private static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(path => Path.GetFileName(path)!).Where(name => name != RunSettingsFile.FileName)
            : [];

    private static List<string> DescribeCaptures(byte[] a, byte[] b)
    {
        var found = new List<string>();
        try
        {
            using var readerA = CaptureReader.Open(new MemoryStream(a), "expected");
            using var readerB = CaptureReader.Open(new MemoryStream(b), "actual");
            for (long index = 0; ; index++)
            {
                var hasA = readerA.TryReadNext(out var ra);
                var hasB = readerB.TryReadNext(out var rb);
                if (!hasA || !hasB)
                {
                    if (hasA != hasB)
                    {
                        found.Add(I($"frame {index}: present in only one capture ({(hasA ? "expected" : "actual")})"));
                    }

                    break;
                }

                if (ra.TimestampSeconds != rb.TimestampSeconds || ra.TimestampNanoseconds != rb.TimestampNanoseconds)
                {
                    found.Add(I($"frame {index}: timestamp {ra.TimestampSeconds}.{ra.TimestampNanoseconds / 1000:D6} != {rb.TimestampSeconds}.{rb.TimestampNanoseconds / 1000:D6}"));
                }

                if (!ra.Data.SequenceEqual(rb.Data))
                {
                    var fieldsB = FrameFieldValues.Describe(rb.Data).ToDictionary(f => f.Name, StringComparer.Ordinal);
                    foreach (var field in FrameFieldValues.Describe(ra.Data))
                    {
                        if (!fieldsB.TryGetValue(field.Name, out var other) || other.Value != field.Value)
                        {
                            found.Add(I($"frame {index}: {field.Name} (frame offset {field.Offset}) {field.Value} != {other.Value ?? "(absent)"}"));
                        }
                    }
                }
            }
        }
        catch (CaptureFormatException e)
        {
            found.Add("unreadable capture: " + e.Message);
        }

        if (found.Count == 0)
        {
            found.Add(I($"bytes differ outside the packet records, first at offset {FirstDifference(a, b)}"));
        }

        return found;
    }

    private static List<string> DescribeText(byte[] a, byte[] b)
    {
        var linesA = System.Text.Encoding.UTF8.GetString(a).Split('\n');
        var linesB = System.Text.Encoding.UTF8.GetString(b).Split('\n');
        var found = new List<string>();
        for (var i = 0; i < Math.Min(linesA.Length, linesB.Length) && found.Count < FolderComparison.MaxPerFile; i++)
        {
            if (!string.Equals(linesA[i], linesB[i], StringComparison.Ordinal))
            {
                found.Add(I($"line {i + 1}: {Quote(linesA[i])} != {Quote(linesB[i])}"));
            }
        }

        if (found.Count == 0)
        {
            found.Add(linesA.Length != linesB.Length
                ? I($"{(linesA.Length < linesB.Length ? "actual" : "expected")} has {Math.Abs(linesA.Length - linesB.Length)} extra line break(s) at the end (trailing newline)")
                : I($"bytes differ at offset {FirstDifference(a, b)}"));
        }

        return found;
    }

    private static string Quote(string line) => "\"" + (line.Length > 120 ? line[..120] + "…" : line).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";

    private static int FirstDifference(byte[] a, byte[] b)
    {
        var common = a.AsSpan().CommonPrefixLength(b);
        return common;
    }
}
