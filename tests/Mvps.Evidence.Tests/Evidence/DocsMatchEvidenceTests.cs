using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mvps.Evidence.Tests.Evidence;

/// <summary>The docs quote the evidence; these tests keep the quotes true when the evidence changes.</summary>
public partial class DocsMatchEvidenceTests
{
    private static string Doc(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", name));

    [Fact]
    public void Wire_format_hex_dump_is_frame_0_of_the_baseline_capture()
    {
        var block = HexBlock().Match(Doc("wire-format.md"));
        Assert.True(block.Success, "no ```hex frame0 block in docs/wire-format.md");
        var documented = Convert.FromHexString(Regex.Replace(block.Groups[1].Value, @"\s", ""));

        var capture = File.ReadAllBytes(RepositoryRoot.Evidence("mvps_baseline.pcap"));

        Assert.Equal(capture[40..150], documented);
    }

    [Theory]
    [InlineData("minCoherence")]
    [InlineData("maxAbsPhiNs")]
    [InlineData("lostTicks")]
    [InlineData("maxGapUs")]
    [InlineData("alarms")]
    [InlineData("sessionTimeouts")]
    public void Regimes_table_states_the_receipt_summary(string figure)
    {
        var row = Regex.Match(Doc("regimes.md"), $@"^\| {figure} \| ([^|]+) \| ([^|]+) \|$", RegexOptions.Multiline);
        Assert.True(row.Success, $"no row for {figure} in docs/regimes.md");

        using var receipt = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Evidence("mvps_pcap_receipt.json")));
        var captures = receipt.RootElement.GetProperty("captures");
        Assert.Equal(captures[0].GetProperty("summary").GetProperty(figure).GetRawText(), row.Groups[1].Value.Trim());
        Assert.Equal(captures[1].GetProperty("summary").GetProperty(figure).GetRawText(), row.Groups[2].Value.Trim());
    }

    [Fact]
    public void Every_sha256sum_line_quoted_in_the_docs_is_the_evidence_hash()
    {
        var quoted = 0;
        foreach (var doc in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            foreach (Match line in Sha256SumLine().Matches(File.ReadAllText(doc)))
            {
                var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(RepositoryRoot.Evidence(line.Groups[2].Value))));
                Assert.True(actual == line.Groups[1].Value, $"{Path.GetFileName(doc)} quotes {line.Value.Trim()}, the file hashes to {actual}");
                quoted++;
            }
        }

        Assert.True(quoted > 0, "no sha256sum output quoted in docs/: the test would check nothing");
    }

    /// <summary>From the repository root (`evidence/` before the name) or from the folder itself (a release folder); the same pattern as build/Determinism/EvidenceQuotes.cs.</summary>
    [GeneratedRegex(@"^([0-9a-f]{64})  (?:evidence/)?([a-z_]+\.(?:pcap|json))$", RegexOptions.Multiline)]
    private static partial Regex Sha256SumLine();

    [GeneratedRegex(@"```hex frame0\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex HexBlock();
}
