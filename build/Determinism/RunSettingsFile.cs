using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mvps.IO;

namespace Mvps.Build.Determinism;

/// <summary>
/// settings.json of a run: what it varied, for people and the report page's run matrix; never compared.
/// </summary>
internal static class RunSettingsFile
{
    public const string FileName = "settings.json";

    /// <summary>
    /// Writes the file. <paramref name="variations"/> is what the run matrix lists; <paramref name="notVaried"/> (the
    /// reprotest run) names each variation that could not run here and why.
    /// </summary>
    public static void Write(string path, EvidenceRun run, string generator, string workingDirectory, string umask, IReadOnlyList<string> variations,
        IReadOnlyDictionary<string, string>? notVaried = null, string? toolVersion = null)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping: settings.json is read by people (and the report page), never compared, never put in HTML unescaped.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("run", run.Name);
            json.WriteString("description", run.Description);
            json.WriteString("kind", run.Kind.ToString());
            json.WriteString("instructionSet", run.InstructionSet);
            json.WriteString("runtime", run.Runtime);
            json.WriteString("generator", generator);
            if (toolVersion is not null)
            {
                json.WriteString("generatorVersion", toolVersion);
            }

            json.WriteString("workingDirectory", workingDirectory);
            json.WriteString("umask", umask);
            json.WriteStartObject("environment");
            foreach (var (name, value) in run.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteStartArray("variations");
            foreach (var variation in variations)
            {
                json.WriteStringValue(variation);
            }

            json.WriteEndArray();
            if (notVaried is not null)
            {
                json.WriteStartObject("notVaried");
                foreach (var (name, reason) in notVaried.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    json.WriteString(name, reason);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        AtomicFile.WriteAllText(path, Encoding.UTF8.GetString(stream.ToArray()));
    }
}
