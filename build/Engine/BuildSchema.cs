using Mvps.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mvps.Build.Engine;

/// <summary>
/// JSON Schema (draft-07) for .nuke/parameters.json: one property per parameter plus Target/Skip/Continue.
/// Output is deterministic: properties and enum values sorted ordinally, two-space indent, LF, trailing newline.
/// </summary>
public static class BuildSchema
{
    public const string RelativePath = ".nuke/build.schema.json";
    private const string DraftUri = "http://json-schema.org/draft-07/schema#";

    public static string Generate(Type buildType)
    {
        var targetNames = TargetDiscovery.FindTargetProperties(buildType)
            .Select(property => property.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        var properties = new List<(string Name, Action<Utf8JsonWriter> Write)>
        {
            ("$schema", writer => writer.WriteString("type", "string")),
            ("Continue", writer => WriteScalar(writer, typeof(bool), Description(BuiltInOptions.Continue))),
            ("Skip", writer => WriteTargetArray(writer, targetNames, Description(BuiltInOptions.Skip))),
            ("Target", writer => WriteTargetArray(writer, targetNames, Description(BuiltInOptions.Target))),
        };
        foreach (var parameter in ParameterMember.Discover(buildType))
        {
            properties.Add((parameter.Name, writer => WriteParameter(writer, parameter)));
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps quotes and <> readable in descriptions
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", DraftUri);
            writer.WriteString("title", "Build Schema");
            writer.WriteString("type", "object");
            writer.WriteStartObject("properties");
            foreach (var (name, write) in properties.OrderBy(property => property.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject(name);
                write(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the schema of <paramref name="buildType"/> to <paramref name="schemaPath"/> atomically.</summary>
    public static void Write(Type buildType, string schemaPath) => AtomicFile.WriteAllText(schemaPath, Generate(buildType));

    /// <summary>True when the file is missing or differs in any byte from what <see cref="Generate"/> produces.</summary>
    public static bool IsStale(Type buildType, string schemaPath) =>
        !File.Exists(schemaPath) ||
        !File.ReadAllBytes(schemaPath).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(Generate(buildType)));

    private static void WriteParameter(Utf8JsonWriter writer, ParameterMember parameter)
    {
        if (parameter.Type.IsArray)
        {
            writer.WriteString("type", "array");
            WriteDescription(writer, parameter.Description);
            writer.WriteStartObject("items");
            WriteScalar(writer, parameter.ValueType, description: null);
            writer.WriteEndObject();
            return;
        }

        WriteScalar(writer, parameter.ValueType, parameter.Description);
    }

    private static void WriteScalar(Utf8JsonWriter writer, Type type, string? description)
    {
        writer.WriteString("type", type == typeof(bool) ? "boolean" : type == typeof(int) ? "integer" : "string");
        WriteDescription(writer, description);
        if (type.IsEnum)
        {
            WriteEnum(writer, Enum.GetNames(type));
        }
    }

    private static void WriteTargetArray(Utf8JsonWriter writer, IReadOnlyList<string> targetNames, string description)
    {
        writer.WriteString("type", "array");
        WriteDescription(writer, description);
        writer.WriteStartObject("items");
        writer.WriteString("type", "string");
        WriteEnum(writer, targetNames);
        writer.WriteEndObject();
    }

    private static void WriteDescription(Utf8JsonWriter writer, string? description)
    {
        if (!string.IsNullOrEmpty(description))
        {
            writer.WriteString("description", description);
        }
    }

    private static void WriteEnum(Utf8JsonWriter writer, IEnumerable<string> values)
    {
        writer.WriteStartArray("enum");
        foreach (var value in values.Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Description(string builtInName) =>
        BuiltInOptions.All.First(option => option.Name == builtInName).Description;
}
