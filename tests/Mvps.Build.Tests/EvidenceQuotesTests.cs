namespace Mvps.Build.Tests;

/// <summary>Accept rewrites the evidence values the docs quote: stale quotes become current, current docs stay byte-identical.</summary>
public sealed class EvidenceQuotesTests
{
    private static string Evidence => Path.Combine(RepositoryRoot.Path, "evidence");

    [Fact]
    public void The_committed_docs_are_current_so_rewriting_changes_nothing()
    {
        foreach (var doc in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md").Append(Path.Combine(RepositoryRoot.Path, "README.md")))
        {
            var text = File.ReadAllText(doc);
            Assert.Equal(text, EvidenceQuotes.RewriteText(Path.GetFileName(doc), text, Evidence));
        }
    }

    [Theory]
    [InlineData("evidence/")] // from the repository root
    [InlineData("")] // from the folder that holds the receipt (a release folder, evidence/)
    public void A_stale_hash_line_becomes_the_evidence_hash(string prefix)
    {
        var stale = "```\n" + new string('0', 64) + "  " + prefix + "mvps_ddos.pcap\n```\n";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(RepositoryRoot.Evidence("mvps_ddos.pcap"))));

        Assert.Equal("```\n" + expected + "  " + prefix + "mvps_ddos.pcap\n```\n", EvidenceQuotes.RewriteText("any.md", stale, Evidence));
    }

    [Fact]
    public void A_stale_regimes_row_and_hex_dump_become_current()
    {
        var regimes = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "regimes.md"));
        var staleRegimes = System.Text.RegularExpressions.Regex.Replace(regimes, @"^\| lostTicks \| [^|]+ \| [^|]+ \|$", "| lostTicks | 1 | 2 |", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.NotEqual(regimes, staleRegimes);
        Assert.Equal(regimes, EvidenceQuotes.RewriteText("regimes.md", staleRegimes, Evidence));

        var wire = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "wire-format.md"));
        var staleWire = wire.Replace("```hex frame0\n02 4d", "```hex frame0\nff 4d", StringComparison.Ordinal);
        Assert.NotEqual(wire, staleWire);
        Assert.Equal(wire, EvidenceQuotes.RewriteText("wire-format.md", staleWire, Evidence));
    }
}
