using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mvps.Release;

/// <summary>
/// A DSSE v1 JSON envelope: {"payloadType","payload" (base64),"signatures":[{"keyid","sig" (base64)}]},
/// written as one compact line so an in-toto .jsonl bundle holds one envelope per line.
/// </summary>
internal sealed record DsseEnvelope(string PayloadType, byte[] Payload, IReadOnlyList<DsseSignature> Signatures)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The envelope as compact JSON followed by one LF.</summary>
    public byte[] ToJsonLine()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("payloadType", PayloadType);
            json.WriteString("payload", Convert.ToBase64String(Payload));
            json.WriteStartArray("signatures");
            foreach (var signature in Signatures)
            {
                json.WriteStartObject();
                json.WriteString("keyid", signature.KeyId);
                json.WriteString("sig", Convert.ToBase64String(signature.Sig));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// Parses one envelope line. Throws <see cref="InvalidDataException"/> with a one-line reason when a
    /// required member is missing or not standard base64.
    /// </summary>
    public static DsseEnvelope Parse(ReadOnlySpan<byte> line)
    {
        using var document = StrictJson.Parse(line, "");
        var root = document.RootElement;
        var payloadType = RequiredString(root, "payloadType");
        var payload = Base64(RequiredString(root, "payload"), "payload");
        if (!root.TryGetProperty("signatures", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw new InvalidDataException("no \"signatures\" array with at least one signature");
        }

        var signatures = new List<DsseSignature>();
        foreach (var signature in array.EnumerateArray())
        {
            var keyId = StrictJson.StringMember(signature, "keyid") ?? "";
            signatures.Add(new DsseSignature(keyId, Base64(RequiredString(signature, "sig"), "sig")));
        }

        return new DsseEnvelope(payloadType, payload, signatures);
    }

    private static string RequiredString(JsonElement element, string name) =>
        StrictJson.StringMember(element, name) ?? throw new InvalidDataException($"no \"{name}\" string member");

    private static byte[] Base64(string text, string member)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"\"{member}\" is not base64");
        }

        // Decoders ignore the unused low bits of the last character; re-encoding catches an edit there.
        return Convert.ToBase64String(bytes) == text ? bytes : throw new InvalidDataException($"\"{member}\" is not canonical base64");
    }
}
