using System.Globalization;
using System.Text.Json;
using Mvps.Evidence.Verification;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// A receipt must state the truth about its captures, not only their hashes: the summary and every
/// decoded field of every frame are recomputed from the capture and compared with what the receipt says.
/// A receipt whose fields were edited (while its hashes were left alone) fails here.
/// </summary>
internal static class ReceiptContentCheck
{
    private const int MaxReported = 10;

    /// <summary>
    /// Streams the capture: its summary is computed once, then each frame's entry is rendered and compared
    /// with the receipt's entry of the same index as the file is read, and reading stops after the receipt's
    /// last entry. Memory does not grow with the frame count (the receipt itself is bounded where it is loaded).
    /// </summary>
    public static IEnumerable<FrameIssue> Compare(string capturePath, ReceiptContents contents)
    {
        var issues = new List<FrameIssue>();

        if (contents.Summary is not JsonElement summary)
        {
            issues.Add(FrameIssue.ForFile("the receipt's entry has no \"summary\""));
        }
        else
        {
            using var computed = JsonDocument.Parse(ReceiptWriter.RenderSummary(capturePath));
            if (Difference(computed.RootElement.GetProperty("summary"), summary, "summary") is string where)
            {
                issues.Add(FrameIssue.ForFile($"receipt {where}"));
            }
        }

        // The receipt's "frames" array is read again from its offset, one entry at a time, beside the capture.
        using var stated = new ReceiptJsonStream(Mvps.IO.BoundedFile.OpenRegular(contents.ReceiptPath, "receipt"), contents.FramesOffset);
        if (!stated.Read() || stated.TokenType != JsonTokenType.StartArray)
        {
            issues.Add(FrameIssue.ForFile("the receipt changed while it was being checked"));
            return issues;
        }

        ReceiptWriter.ForEachFrameEntry(capturePath, (index, entry) =>
        {
            if (!stated.ReadRawValue(out var frame))
            {
                return false; // the frame count is reported by the caller
            }

            // A genuine entry is the rendering itself, indented deeper: compared as bytes, nothing is parsed or allocated.
            if (!SameBesidesLayout(entry.Span, frame.Span))
            {
                using var computed = JsonDocument.Parse(entry);
                using var receipt = JsonDocument.Parse(frame);
                if (Difference(computed.RootElement, receipt.RootElement, "") is string where)
                {
                    issues.Add(FrameIssue.ForReceiptEntry(index, $"the receipt states {where}"));
                }
            }

            return issues.Count < MaxReported;
        });

        return issues;
    }

    /// <summary>
    /// Whether two JSON texts (both already checked by a reader) are the same bytes apart from whitespace between
    /// tokens: then they are the same value, and <see cref="FirstDifference"/> would find nothing.
    /// </summary>
    private static bool SameBesidesLayout(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        int i = 0, j = 0;
        bool inString = false, escaped = false;
        while (true)
        {
            if (!inString)
            {
                while (i < left.Length && IsLayout(left[i]))
                {
                    i++;
                }

                while (j < right.Length && IsLayout(right[j]))
                {
                    j++;
                }
            }

            if (i == left.Length || j == right.Length)
            {
                return i == left.Length && j == right.Length;
            }

            var b = left[i];
            if (b != right[j])
            {
                return false;
            }

            if (escaped)
            {
                escaped = false;
            }
            else if (inString && b == (byte)'\\')
            {
                escaped = true;
            }
            else if (b == (byte)'"')
            {
                inString = !inString;
            }

            i++;
            j++;
        }
    }

    private static bool IsLayout(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    /// <summary>
    /// <see cref="FirstDifference"/>, or the receipt's text that cannot be read: the reader checks only the members it
    /// needs, so an entry's other strings and names may hold invalid UTF-8 or a lone surrogate escape, which no .NET
    /// string can hold (found by fuzzing). A value is named by its path; a member name is caught here.
    /// </summary>
    private static string? Difference(JsonElement computed, JsonElement stated, string path)
    {
        try
        {
            return FirstDifference(computed, stated, path);
        }
        catch (InvalidOperationException)
        {
            return "a member name that is not valid UTF-8 (or a lone UTF-16 surrogate escape)";
        }
    }

    /// <summary>The path and both values of the first place where the receipt differs from the recomputed JSON, or null.</summary>
    private static string? FirstDifference(JsonElement computed, JsonElement stated, string path)
    {
        if (computed.ValueKind == JsonValueKind.Object && stated.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in computed.EnumerateObject())
            {
                var child = path.Length == 0 ? property.Name : path + "." + property.Name;
                if (!stated.TryGetProperty(property.Name, out var other))
                {
                    return $"no {child} (computed {property.Value.GetRawText()})";
                }

                if (FirstDifference(property.Value, other, child) is string found)
                {
                    return found;
                }
            }

            foreach (var property in stated.EnumerateObject())
            {
                if (!computed.TryGetProperty(property.Name, out _))
                {
                    return $"{(path.Length == 0 ? property.Name : path + "." + property.Name)}, which the capture does not have";
                }
            }

            return null;
        }

        try
        {
            return SameValue(computed, stated)
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"{path} = {stated.GetRawText()}, the capture gives {computed.GetRawText()}");
        }
        catch (InvalidOperationException)
        {
            return $"{path} = text that is not valid UTF-8 (or a lone UTF-16 surrogate escape)";
        }
    }

    /// <summary>
    /// Structural equality of two JSON values: objects by member name (order-free), arrays element by element,
    /// strings by their characters, numbers by text or else by decimal value (1.0 equals 1). Written here because
    /// JsonElement.DeepEquals is .NET 9+ and the codec also builds for net8.0 (docs/build.md, the net8 run).
    /// </summary>
    internal static bool SameValue(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Object:
                var members = 0;
                foreach (var property in left.EnumerateObject())
                {
                    members++;
                    if (!right.TryGetProperty(property.Name, out var other) || !SameValue(property.Value, other))
                    {
                        return false;
                    }
                }

                return members == right.EnumerateObject().Count();

            case JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength())
                {
                    return false;
                }

                using (var l = left.EnumerateArray())
                using (var r = right.EnumerateArray())
                {
                    while (l.MoveNext() && r.MoveNext())
                    {
                        if (!SameValue(l.Current, r.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;

            case JsonValueKind.String:
                return string.Equals(left.GetString(), right.GetString(), StringComparison.Ordinal);

            case JsonValueKind.Number:
                return string.Equals(left.GetRawText(), right.GetRawText(), StringComparison.Ordinal)
                    || (left.TryGetDecimal(out var a) && right.TryGetDecimal(out var b) && a == b);

            default: // true, false, null: the kind is the value
                return true;
        }
    }
}
