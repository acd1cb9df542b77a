using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Mvps.Evidence.Tests.Evidence;

/// <summary>The receipt conforms to the published evidence/receipt.schema.json, and the schema is strict enough to notice a change.</summary>
public sealed class ReceiptSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(RepositoryRoot.Evidence("receipt.schema.json")));

    private static JsonNode Receipt() => JsonNode.Parse(File.ReadAllText(RepositoryRoot.Evidence("mvps_pcap_receipt.json")))!;

    private static EvaluationResults Evaluate(JsonNode node) =>
        Schema.Evaluate(JsonDocument.Parse(node.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void Committed_receipt_is_valid()
    {
        var results = Evaluate(Receipt());

        Assert.True(results.IsValid, string.Join("\n", results.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }

    [Fact]
    public void Unknown_property_fails()
    {
        var receipt = Receipt();
        receipt["captures"]![0]!["frames"]![3]!["surprise"] = 1;

        Assert.False(Evaluate(receipt).IsValid);
    }

    [Fact]
    public void Wrong_magic_fails()
    {
        var receipt = Receipt();
        receipt["captures"]![1]!["frames"]![0]!["mvps"]!["magic"] = "CHOE";

        Assert.False(Evaluate(receipt).IsValid);
    }

    [Fact]
    public void Malformed_hash_fails()
    {
        var receipt = Receipt();
        receipt["captures"]![0]!["sha256"] = "ABC";

        Assert.False(Evaluate(receipt).IsValid);
    }
}
