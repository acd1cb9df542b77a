using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>
/// docs/verify-independently.md carries a standard-library-only Python checker; run the script exactly as
/// printed there so the page cannot drift from what the evidence really is.
/// </summary>
public sealed class DocumentedChecksTests
{
    private static string DocumentPath => Path.Combine(RepositoryRoot.Path, "docs", "verify-independently.md");

    [ToolFact("python3")]
    public void The_python_checker_in_the_document_finds_every_receipt_claim_true()
    {
        var blocks = Markdown.FencedBlocks(File.ReadAllText(DocumentPath), "python");
        Assert.True(blocks.Count == 1, $"expected exactly one ```python block in {DocumentPath}, found {blocks.Count}");

        // The block is tools/check_receipt.py (less its #! line), run here as the page says.
        var script = Path.Combine(RepositoryRoot.Path, "tools", "check_receipt.py");
        Assert.Equal(File.ReadAllText(script).Split('\n', 2)[1], blocks[0]);
        var result = ExternalProgram.Run("python3", "tools/check_receipt.py", "evidence/mvps_pcap_receipt.json").AssertSuccess();

        Assert.Equal(EvidenceFiles.Captures.Length, result.Lines.Count);
        foreach (var (line, capture) in result.Lines.Zip(EvidenceFiles.Captures))
        {
            Assert.Equal(
                $"evidence/{capture}: pcap header ok, 30 frames (receipt 30), 3804 bytes (receipt 3804), sha256 ok, "
                + "checksums+tags bad on 0 frames, 0 field mismatches []",
                line);
        }
    }

    [ToolFact("python3")]
    public void The_python_checker_works_from_another_folder_on_a_copy_of_the_evidence()
    {
        using var folder = new TempFolder();
        var copy = Directory.CreateDirectory(Path.Combine(folder.Path, "release")).FullName;
        foreach (var name in EvidenceFiles.Captures.Append("mvps_pcap_receipt.json"))
        {
            File.Copy(Path.Combine(RepositoryRoot.Path, "evidence", name), Path.Combine(copy, name));
        }

        var result = ExternalProgram.Run("python3", [Path.Combine(RepositoryRoot.Path, "tools", "check_receipt.py"), "release/mvps_pcap_receipt.json"], folder.Path).AssertSuccess();

        Assert.Equal(
            $"release/{EvidenceFiles.Captures[1]}: pcap header ok, 30 frames (receipt 30), 3804 bytes (receipt 3804), sha256 ok, checksums+tags bad on 0 frames, 0 field mismatches []",
            result.Lines[1]);
    }
}
