using System.Text.Json;

namespace Mvps.Build.Engine;

/// <summary>.nuke/parameters.json: keys are parameter names (as written or kebab-case), values scalars or arrays.</summary>
internal sealed class ParametersFile
{
    public const string RelativePath = ".nuke/parameters.json";

    private readonly List<(string Key, string Normalized, IReadOnlyList<string> Values)> _entries = [];

    public IEnumerable<string> Keys => _entries.Select(entry => entry.Key);

    public static ParametersFile Load(string rootDirectory)
    {
        var file = new ParametersFile();
        var path = Path.Combine(rootDirectory, ".nuke", "parameters.json");
        if (!File.Exists(path))
        {
            return file;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new UsageException($"{RelativePath}: invalid JSON at line {exception.LineNumber + 1}: {exception.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{RelativePath}: the top level must be an object.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "$schema")
                {
                    continue;
                }

                var values = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray().Select(item => Scalar(property.Name, item)).ToList()
                    : [Scalar(property.Name, property.Value)];
                file._entries.Add((property.Name, ParameterNames.Normalize(property.Name), values));
            }
        }

        return file;
    }

    public IReadOnlyList<string>? Get(string name)
    {
        var key = ParameterNames.Normalize(name);
        return _entries.FirstOrDefault(entry => entry.Normalized == key).Values;
    }

    private static string Scalar(string key, JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => element.GetRawText(),
        _ => throw new UsageException($"{RelativePath}: value of '{key}' must be a string, number, boolean or array of those."),
    };
}
