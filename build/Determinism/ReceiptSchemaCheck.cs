using System.Text.Json;
using Json.Schema;

namespace Mvps.Build.Determinism;

/// <summary>A receipt against the published JSON Schema (evidence/receipt.schema.json): one line per violation, naming the file and the JSON location.</summary>
internal static class ReceiptSchemaCheck
{
    /// <summary>The schema, parsed once (JsonSchema.Net refuses to register the same $id twice).</summary>
    public static JsonSchema Load(string schemaPath) => JsonSchema.FromText(File.ReadAllText(schemaPath));

    public static IReadOnlyList<string> Problems(JsonSchema schema, string receiptPath)
    {
        using var receipt = JsonDocument.Parse(File.ReadAllBytes(receiptPath));
        var results = schema.Evaluate(receipt.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var problems = (results.Details ?? [])
            .Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error => $"{receiptPath}: {detail.InstanceLocation}: {error.Value}"))
            .ToList();
        return problems.Count > 0 ? problems : [$"{receiptPath}: does not conform to the receipt schema"];
    }
}
