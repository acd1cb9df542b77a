using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mvps.Release;

/// <summary>
/// An in-toto Statement v1 whose predicate is SLSA Provenance v1, as compact single-line UTF-8 JSON
/// with a fixed property order, so the same inputs give the same bytes on every run and machine.
/// </summary>
internal static class InTotoStatement
{
    public const string StatementType = "https://in-toto.io/Statement/v1";
    public const string PredicateType = "https://slsa.dev/provenance/v1";

    /// <summary>The DSSE payload type of an in-toto statement.</summary>
    public const string PayloadType = "application/vnd.in-toto+json";

    /// <summary>externalParameters member that marks a release signed with a throwaway key.</summary>
    public const string SigningKeyParameter = "signingKey";
    public const string EphemeralKeyMarker = "ephemeral (throwaway, not for publication)";

    private static readonly string[] ReservedParameters = ["target", "version", SigningKeyParameter];

    // The relaxed encoder keeps '+' in "application/vnd.in-toto+json" readable; the output is never HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The statement's bytes for the subjects (sorted by ordinal name) and build description.</summary>
    public static byte[] Create(IEnumerable<ChecksumEntry> subjects, ProvenanceInputs inputs, bool ephemeralKey)
    {
        Validate(inputs);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("_type", StatementType);
            json.WriteStartArray("subject");
            foreach (var subject in subjects.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", subject.Name);
                json.WriteStartObject("digest");
                json.WriteString("sha256", subject.Sha256);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("predicateType", PredicateType);
            json.WriteStartObject("predicate");
            WriteBuildDefinition(json, inputs, ephemeralKey);
            WriteRunDetails(json, inputs);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads the subjects and signing-key marker back. Throws <see cref="InvalidDataException"/> with a
    /// one-line reason when the bytes are not an in-toto v1 SLSA provenance statement.
    /// </summary>
    public static ProvenanceStatement Read(ReadOnlySpan<byte> statement)
    {
        using var document = StrictJson.Parse(statement, "statement is ");
        var root = document.RootElement;
        if (StrictJson.StringMember(root, "_type") != StatementType)
        {
            throw new InvalidDataException($"statement _type is not {StatementType}");
        }

        if (StrictJson.StringMember(root, "predicateType") != PredicateType)
        {
            throw new InvalidDataException($"statement predicateType is not {PredicateType}");
        }

        if (!root.TryGetProperty("subject", out var subjectArray) || subjectArray.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("statement has no subject array");
        }

        var subjects = new List<ChecksumEntry>();
        foreach (var subject in subjectArray.EnumerateArray())
        {
            var name = StrictJson.StringMember(subject, "name");
            var digest = subject.ValueKind == JsonValueKind.Object && subject.TryGetProperty("digest", out var d) ? StrictJson.StringMember(d, "sha256") : null;
            if (name is null || digest is null || !Sha256Sums.IsHexDigest(digest, lowercaseOnly: true))
            {
                throw new InvalidDataException("a statement subject lacks a name or a digest.sha256 of 64 lowercase hex digits");
            }

            subjects.Add(new ChecksumEntry(name, digest));
        }

        string? note = null;
        if (root.TryGetProperty("predicate", out var predicate) && predicate.ValueKind == JsonValueKind.Object
            && predicate.TryGetProperty("buildDefinition", out var definition) && definition.ValueKind == JsonValueKind.Object
            && definition.TryGetProperty("externalParameters", out var external))
        {
            note = StrictJson.StringMember(external, SigningKeyParameter);
        }

        return new ProvenanceStatement(subjects, note);
    }

    private static void WriteBuildDefinition(Utf8JsonWriter json, ProvenanceInputs inputs, bool ephemeralKey)
    {
        json.WriteStartObject("buildDefinition");
        json.WriteString("buildType", inputs.BuildType);

        json.WriteStartObject("externalParameters");
        json.WriteString("target", inputs.Target);
        json.WriteString("version", inputs.Version);
        foreach (var parameter in Sorted(inputs.ExternalParameters))
        {
            json.WriteString(parameter.Key, parameter.Value);
        }

        if (ephemeralKey)
        {
            json.WriteString(SigningKeyParameter, EphemeralKeyMarker);
        }

        json.WriteEndObject();

        if (inputs.InternalParameters is { Count: > 0 })
        {
            json.WriteStartObject("internalParameters");
            foreach (var parameter in Sorted(inputs.InternalParameters))
            {
                json.WriteString(parameter.Key, parameter.Value);
            }

            json.WriteEndObject();
        }

        json.WriteStartArray("resolvedDependencies");
        json.WriteStartObject();
        json.WriteString("uri", inputs.Repository.StartsWith("git+", StringComparison.Ordinal) ? inputs.Repository : "git+" + inputs.Repository);
        json.WriteStartObject("digest");
        json.WriteString("gitCommit", inputs.GitCommit);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteEndObject();
    }

    private static void WriteRunDetails(Utf8JsonWriter json, ProvenanceInputs inputs)
    {
        json.WriteStartObject("runDetails");
        json.WriteStartObject("builder");
        json.WriteString("id", inputs.BuilderId);
        json.WriteEndObject();
        if (inputs.InvocationId is not null || inputs.SourceDateEpoch is not null)
        {
            json.WriteStartObject("metadata");
            if (inputs.InvocationId is not null)
            {
                json.WriteString("invocationId", inputs.InvocationId);
            }

            if (inputs.SourceDateEpoch is long seconds)
            {
                json.WriteString("startedOn", SourceDateEpoch.ToRfc3339(seconds));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static IEnumerable<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string>? parameters) =>
        parameters is null ? [] : parameters.OrderBy(p => p.Key, StringComparer.Ordinal);

    private static void Validate(ProvenanceInputs inputs)
    {
        Require(inputs.Target, "Target");
        Require(inputs.Version, "Version");
        Require(inputs.Repository, "Repository");
        Require(inputs.BuildType, "BuildType");
        Require(inputs.BuilderId, "BuilderId");
        if (inputs.GitCommit.Length is not (40 or 64) || !inputs.GitCommit.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            throw new ArgumentException($"GitCommit \"{inputs.GitCommit}\" is not 40 or 64 lowercase hex digits", nameof(inputs));
        }

        if (inputs.ExternalParameters is not null)
        {
            foreach (var reserved in ReservedParameters)
            {
                if (inputs.ExternalParameters.ContainsKey(reserved))
                {
                    throw new ArgumentException($"external parameter \"{reserved}\" is written by the statement itself", nameof(inputs));
                }
            }
        }

        if (inputs.SourceDateEpoch is long seconds)
        {
            _ = SourceDateEpoch.ToRfc3339(seconds);
        }
    }

    private static void Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is empty", nameof(value));
        }
    }
}
