using System.Text.Json;
using Mvps.IO;

namespace Mvps.Tool.Report;

/// <summary>
/// What an evidence run varied, from the settings.json the build writes beside its files: the "variations" list, and
/// from "notVaried" each variation that could not run on that machine with the reason (the reprotest run).
/// </summary>
internal static class RunSettings
{
    public const string FileName = "settings.json";

    /// <summary>settings.json is a few kilobytes; anything far larger is not one.</summary>
    private const long Limit = 256 * 1024;

    /// <summary>The run's variations for the determinism matrix; empty when the folder has no settings.json.</summary>
    public static IReadOnlyList<string> Variations(string runFolder)
    {
        var path = Path.Combine(runFolder, FileName);
        if (FileKind.Of(path) == FileKindValue.Missing)
        {
            return [];
        }

        byte[] bytes;
        try
        {
            bytes = BoundedFile.ReadAll(path, Limit, "settings");
        }
        catch (InvalidDataException exception)
        {
            throw new UsageException(exception.Message);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var items = new List<string>();
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("variations", out var variations) && variations.ValueKind == JsonValueKind.Array)
            {
                items.AddRange(variations.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!));
            }

            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("notVaried", out var notVaried) && notVaried.ValueKind == JsonValueKind.Object)
            {
                items.AddRange(notVaried.EnumerateObject().Select(item => $"not varied here: {item.Name} ({(item.Value.ValueKind == JsonValueKind.String ? item.Value.GetString() : item.Value.GetRawText())})"));
            }

            return items;
        }
        catch (JsonException exception)
        {
            throw new UsageException($"{DisplayName.Of(path)}: not valid JSON ({exception.Message})");
        }
    }
}
