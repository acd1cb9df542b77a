using System.Text.Json;
using Mvps.IO;

namespace Mvps.Codec.Verification;

/// <summary>
/// What a receipt states about one capture: the file's size and hash, each frame's hash, and (in
/// <see cref="Contents"/>) its summary and every decoded frame field, which the verifier recomputes.
/// </summary>
public sealed record ReceiptExpectations(string File, long Bytes, long Packets, string Sha256, IReadOnlyList<string>? FrameSha256)
{
    /// <summary>
    /// Largest receipt read. A genuine receipt lists at most <see cref="Receipt.ReceiptSettings.MaxFramesListed"/>
    /// frames per capture at about 1.6 KB each, so two captures come to about 330 MB; anything past 512 MiB is not one.
    /// </summary>
    public const long MaxReceiptBytes = 512L << 20;

    /// <summary>The capture entry's "summary" and "frames" members, when the receipt lists frames.</summary>
    public JsonElement? Contents { get; init; }

    /// <summary>
    /// Reads the captures listed in a receipt. Throws <see cref="InvalidDataException"/> with one line
    /// naming the receipt and the missing or malformed member.
    /// </summary>
    public static IReadOnlyDictionary<string, ReceiptExpectations> Load(string path)
    {
        string name = DisplayName.Of(path);
        byte[] bytes = BoundedFile.ReadAll(path, MaxReceiptBytes, "receipt");
        if (bytes.Length == 0)
        {
            throw new InvalidDataException($"{name}: empty file, not a receipt");
        }

        JsonDocument document;
        try
        {
            // Parsed in place (no copy); the document stays alive as long as the entries' Contents refer to it.
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: not valid JSON at line {e.LineNumber + 1}: not a receipt: {e.Message.Split('\n')[0]}");
        }

        try
        {
            return Read(name, document);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            document.Dispose();
            // A member of the wrong JSON type, or a string that is not valid UTF-8.
            throw new InvalidDataException($"{name}: malformed receipt: {e.Message.Split('\n')[0]}");
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static IReadOnlyDictionary<string, ReceiptExpectations> Read(string name, JsonDocument document)
    {
        var result = new Dictionary<string, ReceiptExpectations>(StringComparer.Ordinal);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("captures", out JsonElement captures) || captures.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{name}: no \"captures\" array: not an MVPS receipt");
        }

        int position = 0;
        foreach (JsonElement capture in captures.EnumerateArray())
        {
            string where = $"capture entry {position++}";
            if (capture.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(name, $"{where} is {Kind(capture)}, not an object");
            }

            string file = RequiredString(name, capture, "file", where);
            List<string>? frames = null;
            if (capture.TryGetProperty("frames", out JsonElement frameArray))
            {
                if (frameArray.ValueKind != JsonValueKind.Array)
                {
                    throw Malformed(name, $"{where}: \"frames\" is {Kind(frameArray)}, not an array");
                }

                frames = new List<string>(frameArray.GetArrayLength());
                int index = 0;
                foreach (JsonElement frame in frameArray.EnumerateArray())
                {
                    string frameWhere = $"{where}, frame {index++}";
                    if (frame.ValueKind != JsonValueKind.Object)
                    {
                        throw Malformed(name, $"{frameWhere} is {Kind(frame)}, not an object");
                    }

                    frames.Add(RequiredString(name, frame, "frameSha256", frameWhere));
                }
            }

            var expectations = new ReceiptExpectations(
                file,
                RequiredInt64(name, capture, "bytes", where),
                RequiredInt64(name, capture, "packets", where),
                RequiredString(name, capture, "sha256", where),
                frames)
            {
                Contents = frames is null ? null : capture,
            };

            if (!result.TryAdd(file, expectations))
            {
                throw Malformed(name, $"{where} lists {DisplayName.Of(file)} again; each capture may have one entry");
            }
        }

        return result;
    }

    private static JsonElement Required(string name, JsonElement element, string member, string where) =>
        element.TryGetProperty(member, out JsonElement value)
            ? value
            : throw new InvalidDataException($"{name}: a capture entry lacks \"{member}\" ({where})");

    private static string RequiredString(string name, JsonElement element, string member, string where)
    {
        JsonElement value = Required(name, element, member, where);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Malformed(name, $"{where}: \"{member}\" is {Kind(value)}, not a string");
    }

    private static long RequiredInt64(string name, JsonElement element, string member, string where)
    {
        JsonElement value = Required(name, element, member, where);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) && number >= 0
            ? number
            : throw Malformed(name, $"{where}: \"{member}\" is {Kind(value)}, not a non-negative 64-bit integer");
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "the number " + DisplayName.Of(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "undefined",
    };

    private static InvalidDataException Malformed(string name, string problem) => new($"{name}: malformed receipt: {problem}");
}
