using System.Text.Json;
using Mvps.Evidence.Receipt;

namespace Mvps.Tool.Tests;

/// <summary>
/// `mvps report` reads only the receipt's "validation" array, streaming (<see cref="ValidationRecipeReader"/>): it must
/// find the same array a parsed document finds, refuse what a parse refuses, and refuse a receipt over its limit unread.
/// </summary>
public sealed class ReportRecipeReadingTests
{
    [Theory]
    [InlineData("{\"validation\": [{\"claim\": \"a\"}]}")]
    [InlineData("{\"validation\": [1], \"validation\": [2, 3]}")] // a duplicate: the last one, as a document's lookup gives
    [InlineData("{\"captures\": [{\"frames\": [{\"validation\": [9]}]}], \"x\": \"" + "y" + "\"}")]
    [InlineData("{\"validation\": \"not an array\"}")]
    [InlineData("[{\"validation\": [1]}]")]
    [InlineData("\"a string\"")]
    [InlineData("  {}  \n")]
    public void Finds_the_validation_member_a_parsed_document_finds(string json)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("receipt.json"), json);
        using var whole = JsonDocument.Parse(json);
        var expected = whole.RootElement.ValueKind == JsonValueKind.Object && whole.RootElement.TryGetProperty("validation", out var value)
            ? value.GetRawText() : null;

        using var streamed = ValidationRecipeReader.Read(temp.File("receipt.json"));

        Assert.Equal(expected, streamed?.RootElement.GetRawText());
    }

    [Fact]
    public void Refuses_what_a_parse_refuses()
    {
        using var temp = new TempFolder();
        string[] notJson = ["", "{\"validation\": []} {}", "{\"validation\": [}", "{\"validation\": []"];
        foreach (var json in notJson)
        {
            File.WriteAllText(temp.File("receipt.json"), json);
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(json).Dispose());

            Assert.ThrowsAny<JsonException>(() => ValidationRecipeReader.Read(temp.File("receipt.json"))?.Dispose());
        }
    }

    [Fact]
    public void Report_refuses_a_receipt_over_the_limit_in_one_line_without_reading_it()
    {
        using var temp = new TempFolder();
        var evidence = temp.Sub("evidence");
        File.Copy(MvpsProcess.Evidence("mvps_baseline.pcap"), Path.Combine(evidence, "mvps_baseline.pcap"));
        File.Copy(MvpsProcess.Evidence("mvps_ddos.pcap"), Path.Combine(evidence, "mvps_ddos.pcap"));
        using (var sparse = new FileStream(Path.Combine(evidence, "mvps_pcap_receipt.json"), FileMode.CreateNew))
        {
            sparse.SetLength(ReceiptExpectations.MaxReceiptBytes + 1);
        }

        var result = MvpsProcess.Run("report", "--evidence", evidence, "--out", temp.File("report.html"));

        Assert.True(result.ExitCode == 2, result.StandardOutput + result.StandardError);
        Assert.Contains("mvps_pcap_receipt.json: larger than the 512 MiB limit for a receipt file", result.StandardError);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(temp.File("report.html")));
    }
}
