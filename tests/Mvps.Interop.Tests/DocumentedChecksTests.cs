using System.Text.RegularExpressions;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>
/// docs/verify-independently.md carries a standard-library-only Python checker; run the script exactly as
/// printed there so the page cannot drift from what the evidence really is.
/// </summary>
public sealed partial class DocumentedChecksTests
{
    private static string DocumentPath => Path.Combine(RepositoryLayout.Root, "docs", "verify-independently.md");

    [ToolFact("python3")]
    public void The_python_checker_in_the_document_finds_every_receipt_claim_true()
    {
        var blocks = PythonBlock().Matches(File.ReadAllText(DocumentPath));
        Assert.True(blocks.Count == 1, $"expected exactly one ```python block in {DocumentPath}, found {blocks.Count}");

        var result = ExternalProgram.Run("python3", "-c", blocks[0].Groups["code"].Value).AssertSuccess();

        Assert.Equal(EvidenceFiles.Captures.Length, result.Lines.Count);
        foreach (var (line, capture) in result.Lines.Zip(EvidenceFiles.Captures))
        {
            Assert.Equal(
                $"evidence/{capture}: pcap header ok, 30 frames (receipt 30), 3804 bytes (receipt 3804), sha256 ok, "
                + "checksums+tags bad on 0 frames, 0 field mismatches []",
                line);
        }
    }

    [GeneratedRegex(@"^```python\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex PythonBlock();
}
