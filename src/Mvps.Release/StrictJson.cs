using System.Text.Json;

namespace Mvps.Release;

/// <summary>
/// Reading the release's JSON documents (DSSE envelopes, in-toto statements) from untrusted bytes: one owner for
/// the checks both need, each failure an <see cref="InvalidDataException"/> with a one-line reason.
/// </summary>
internal static class StrictJson
{
    /// <summary>
    /// Parses <paramref name="bytes"/> as one JSON document. <paramref name="subject"/> prefixes each reason
    /// ("statement is ", or "" where the caller names the document itself).
    /// </summary>
    public static JsonDocument Parse(ReadOnlySpan<byte> bytes, string subject)
    {
        // JsonDocument checks UTF-8 only when a string is read; check all of it up front.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw new InvalidDataException($"{subject}not UTF-8 text");
        }

        try
        {
            return JsonDocument.Parse(bytes.ToArray());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{subject}not valid JSON at byte {e.BytePositionInLine}");
        }
    }

    /// <summary>The string value of member <paramref name="name"/> of an object, or null when there is none.</summary>
    public static string? StringMember(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
