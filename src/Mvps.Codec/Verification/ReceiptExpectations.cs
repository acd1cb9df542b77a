using System.Text.Json;

namespace Mvps.Codec.Verification;

/// <summary>
/// What a receipt states about one capture: the file's size and hash, each frame's hash, and (in
/// <see cref="Contents"/>) its summary and every decoded frame field, which the verifier recomputes.
/// </summary>
public sealed record ReceiptExpectations(string File, long Bytes, long Packets, string Sha256, IReadOnlyList<string>? FrameSha256)
{
    /// <summary>The capture entry's "summary" and "frames" members, when the receipt lists frames.</summary>
    public JsonElement? Contents { get; init; }

    /// <summary>
    /// Reads the captures listed in a receipt. Throws <see cref="InvalidDataException"/> with one line
    /// naming the receipt and the missing or malformed member.
    /// </summary>
    public static IReadOnlyDictionary<string, ReceiptExpectations> Load(string path)
    {
        JsonDocument document;
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON at line {e.LineNumber + 1}: {e.Message.Split('\n')[0]}");
        }

        using (document)
        {
            try
            {
                return Read(path, document);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                // A member of the wrong JSON type, or a string that is not valid UTF-8.
                throw new InvalidDataException($"{path}: malformed receipt: {e.Message.Split('\n')[0]}");
            }
        }
    }

    private static IReadOnlyDictionary<string, ReceiptExpectations> Read(string path, JsonDocument document)
    {
        var result = new Dictionary<string, ReceiptExpectations>(StringComparer.Ordinal);
        if (!document.RootElement.TryGetProperty("captures", out JsonElement captures) || captures.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: no \"captures\" array: not an MVPS receipt");
        }

        foreach (JsonElement capture in captures.EnumerateArray())
        {
            string file = Required(path, capture, "file").GetString()!;
            List<string>? frames = null;
            if (capture.TryGetProperty("frames", out JsonElement frameArray))
            {
                frames = [.. frameArray.EnumerateArray().Select(f => Required(path, f, "frameSha256").GetString()!)];
            }

            result[file] = new ReceiptExpectations(
                file,
                Required(path, capture, "bytes").GetInt64(),
                Required(path, capture, "packets").GetInt64(),
                Required(path, capture, "sha256").GetString()!,
                frames)
            {
                Contents = frames is null ? null : capture.Clone(),
            };
        }

        return result;
    }

    private static JsonElement Required(string path, JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            ? value
            : throw new InvalidDataException($"{path}: a capture entry lacks \"{name}\"");
}
