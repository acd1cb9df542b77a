using System.Globalization;
using System.Text.Json;
using Mvps.IO;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// What a receipt states about one capture: the file's size and hash, each frame's hash, and (in
/// <see cref="Contents"/>) its summary and every decoded frame field, which the verifier recomputes.
/// </summary>
public sealed record ReceiptExpectations(string File, long Bytes, long Packets, string Sha256, ReceiptFrameHashes? FrameSha256)
{
    /// <summary>
    /// Largest receipt read. A genuine receipt lists at most <see cref="Receipt.ReceiptSettings.MaxFramesListed"/>
    /// frames per capture at about 1.46 KB each, so two captures come to about 292 MB; anything past 512 MiB is not one.
    /// </summary>
    public const long MaxReceiptBytes = 512L << 20;

    /// <summary>The members of a capture entry the verifier reads (besides "frames"); others are skipped unread.</summary>
    private static readonly HashSet<string> EntryMembers = new(StringComparer.Ordinal) { "file", "bytes", "packets", "sha256", "summary" };

    /// <summary>Where the entry's "summary" and "frames" are, when the receipt lists frames.</summary>
    internal ReceiptContents? Contents { get; init; }

    /// <summary>
    /// Reads the captures listed in a receipt, streaming: each capture's "frames" array is walked once for
    /// the frame hashes and not kept (the content check reads it again from its offset). Throws
    /// <see cref="InvalidDataException"/> with one line naming the receipt and the missing or malformed member.
    /// </summary>
    public static IReadOnlyDictionary<string, ReceiptExpectations> Load(string path)
    {
        var name = DisplayName.Of(path);
        // Not a pipe: the content check reads each capture's "frames" again from its offset beside the capture.
        using var file = BoundedFile.OpenRegular(path, "receipt", why: "a receipt is read twice (its frame hashes, then its frames beside each capture)");
        if (file.Length == 0)
        {
            throw new InvalidDataException($"{name}: empty file, not a receipt");
        }

        if (file.Length > MaxReceiptBytes)
        {
            throw new InvalidDataException($"{name}: larger than the {BoundedFile.Limit(MaxReceiptBytes)} limit for a receipt file");
        }

        var json = new ReceiptJsonStream(file);
        try
        {
            return Read(name, path, json);
        }
        catch (ReceiptJsonStream.ValueTooLargeException e)
        {
            throw new InvalidDataException($"{name}: malformed receipt: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: not valid JSON near byte {json.TokenOffset}: not a receipt: {e.Message.Split('\n')[0]}"));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // A member of the wrong JSON type, or a string that is not valid UTF-8.
            throw new InvalidDataException($"{name}: malformed receipt: {e.Message.Split('\n')[0]}");
        }
    }

    private static IReadOnlyDictionary<string, ReceiptExpectations> Read(string name, string path, ReceiptJsonStream json)
    {
        var result = new Dictionary<string, ReceiptExpectations>(StringComparer.Ordinal);
        var sawCaptures = false;
        if (json.Read() && json.TokenType == JsonTokenType.StartObject)
        {
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.Text == "captures" && json.Read() && json.TokenType == JsonTokenType.StartArray)
                {
                    ReadCaptures(name, path, json, result);
                    sawCaptures = true;
                }
                else
                {
                    json.SkipValue(); // the receipt's other members are not the verifier's concern, whatever their size
                }
            }
        }

        return sawCaptures ? result : throw new InvalidDataException($"{name}: no \"captures\" array: not an MVPS receipt");
    }

    private static void ReadCaptures(string name, string path, ReceiptJsonStream json, Dictionary<string, ReceiptExpectations> result)
    {
        for (var position = 0; ; position++)
        {
            if (!json.Read())
            {
                throw new JsonException("the receipt ends inside \"captures\"");
            }

            if (json.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            var where = string.Create(CultureInfo.InvariantCulture, $"capture entry {position}");
            if (json.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed(name, $"{where} is {Kind(json.TokenType)}, not an object");
            }

            var members = new Dictionary<string, JsonDocument>(StringComparer.Ordinal);
            try
            {
                ReceiptFrameHashes? frames = null;
                long framesOffset = -1;
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    var member = json.Text!;
                    if (member == "frames")
                    {
                        if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
                        {
                            throw Malformed(name, $"{where}: \"frames\" is {Kind(json.TokenType)}, not an array");
                        }

                        framesOffset = json.TokenOffset;
                        frames = ReadFrameHashes(name, json, where);
                    }
                    else if (!EntryMembers.Contains(member))
                    {
                        json.SkipValue(); // not read, so never held, however long
                    }
                    else
                    {
                        var value = json.ReadValue()!;
                        if (members.Remove(member, out var earlier))
                        {
                            earlier.Dispose();
                        }

                        members[member] = value;
                    }
                }

                var file = RequiredString(name, members, "file", where);
                var expectations = new ReceiptExpectations(
                    file,
                    RequiredInt64(name, members, "bytes", where),
                    RequiredInt64(name, members, "packets", where),
                    RequiredString(name, members, "sha256", where),
                    frames)
                {
                    Contents = frames is null ? null
                        : new ReceiptContents(path, framesOffset, members.TryGetValue("summary", out var summary) ? summary.RootElement.Clone() : null),
                };

                if (!result.TryAdd(file, expectations))
                {
                    throw Malformed(name, $"{where} lists {DisplayName.Of(file)} again; each capture may have one entry");
                }
            }
            finally
            {
                foreach (var document in members.Values)
                {
                    document.Dispose();
                }
            }
        }
    }

    /// <summary>
    /// Each frame entry's "frameSha256", one entry in memory at a time. An entry read straight from its bytes
    /// (<see cref="TryAddPlainHash"/>) costs no allocation; any other is parsed for its message.
    /// </summary>
    private static ReceiptFrameHashes ReadFrameHashes(string name, ReceiptJsonStream json, string where)
    {
        var hashes = new ReceiptFrameHashes();
        while (json.ReadRawValue(out var entry))
        {
            if (hashes.Count == Receipt.ReceiptSettings.MaxFramesListed)
            {
                // The writer lists frames only up to this count, and the hashes are held: more would grow memory.
                throw Malformed(name, string.Create(CultureInfo.InvariantCulture,
                    $"{where} lists more than {Receipt.ReceiptSettings.MaxFramesListed} frames, the most a receipt lists per capture"));
            }

            if (TryAddPlainHash(entry.Span, hashes))
            {
                continue;
            }

            using var frame = JsonDocument.Parse(entry);
            var frameWhere = string.Create(CultureInfo.InvariantCulture, $"{where}, frame {hashes.Count}");
            if (frame.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(name, $"{frameWhere} is {Kind(frame.RootElement)}, not an object");
            }

            hashes.Add(RequiredString(name, frame.RootElement, "frameSha256", frameWhere));
        }

        return hashes;
    }

    /// <summary>
    /// The common case without a document: an object with exactly one "frameSha256" member, a string of 64 lowercase
    /// hex digits without escapes. False for anything else (a duplicate name, another form), which is left to the parse.
    /// </summary>
    private static bool TryAddPlainHash(ReadOnlySpan<byte> entry, ReceiptFrameHashes hashes)
    {
        var reader = new Utf8JsonReader(entry);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var found = 0;
        ReadOnlySpan<byte> hash = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false; // an escaped name is compared by the parse, which says what is wrong with it
            }

            var isHash = reader.ValueTextEquals("frameSha256"u8);
            reader.Read();
            if (isHash)
            {
                found++;
                hash = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? reader.ValueSpan : default;
            }

            reader.Skip();
        }

        return found == 1 && hash.Length > 0 && hashes.TryAdd(hash);
    }

    private static JsonElement Required(string name, Dictionary<string, JsonDocument> members, string member, string where) =>
        members.TryGetValue(member, out var value)
            ? value.RootElement
            : throw new InvalidDataException($"{name}: a capture entry lacks \"{member}\" ({where})");

    private static string RequiredString(string name, Dictionary<string, JsonDocument> members, string member, string where) =>
        AsString(name, Required(name, members, member, where), member, where);

    private static long RequiredInt64(string name, Dictionary<string, JsonDocument> members, string member, string where)
    {
        var value = Required(name, members, member, where);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0
            ? number
            : throw Malformed(name, $"{where}: \"{member}\" is {Kind(value)}, not a non-negative 64-bit integer");
    }

    private static string RequiredString(string name, JsonElement element, string member, string where) =>
        element.TryGetProperty(member, out var value)
            ? AsString(name, value, member, where)
            : throw new InvalidDataException($"{name}: a capture entry lacks \"{member}\" ({where})");

    private static string AsString(string name, JsonElement value, string member, string where) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Malformed(name, $"{where}: \"{member}\" is {Kind(value)}, not a string");

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => "missing",
    };

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
