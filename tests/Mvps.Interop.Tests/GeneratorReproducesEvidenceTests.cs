using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>
/// `mvps generate` with default arguments must rewrite evidence/ byte for byte; every other test class
/// runs the external tools on those fresh files as well as on the committed ones.
/// </summary>
public sealed class GeneratorReproducesEvidenceTests
{
    [Theory]
    [InlineData(EvidenceFiles.Baseline)]
    [InlineData(EvidenceFiles.Ddos)]
    [InlineData(EvidenceFiles.Receipt)]
    public void Fresh_generation_equals_committed_evidence_byte_for_byte(string file)
    {
        var committed = File.ReadAllBytes(Path.Combine(RepositoryLayout.EvidenceDirectory, file));
        var fresh = File.ReadAllBytes(EvidenceSource.PathOf(EvidenceSource.Fresh, file));

        Assert.Equal(committed.Length, fresh.Length);
        var firstDifference = Enumerable.Range(0, committed.Length).FirstOrDefault(i => committed[i] != fresh[i], -1);
        Assert.True(firstDifference < 0, $"{file}: fresh output differs from evidence/ at byte {firstDifference}");
    }

    [Fact]
    public void Committed_captures_have_the_size_and_hash_the_receipt_states()
    {
        var receipt = EvidenceReceipt.CommittedReceipt;
        foreach (var file in EvidenceFiles.Captures)
        {
            var capture = receipt.Capture(file);
            var bytes = File.ReadAllBytes(Path.Combine(RepositoryLayout.EvidenceDirectory, file));
            Assert.Equal(EvidenceFiles.FramesPerCapture, capture.Packets);
            Assert.Equal(EvidenceFiles.CaptureFileBytes, capture.Bytes);
            Assert.Equal(capture.Bytes, bytes.Length);
            Assert.Equal(capture.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
            Assert.Equal(Enumerable.Range(0, capture.Packets), capture.Frames.Select(frame => frame.Index));
        }
    }

    [Fact]
    public void Mvps_verify_accepts_the_fresh_captures_against_the_committed_receipt()
    {
        var result = MvpsCli.Run(
            "verify",
            EvidenceSource.PathOf(EvidenceSource.Fresh, EvidenceFiles.Baseline),
            EvidenceSource.PathOf(EvidenceSource.Fresh, EvidenceFiles.Ddos),
            "--receipt",
            RepositoryLayout.ReceiptPath,
            "--quiet").AssertSuccess();

        Assert.Equal(2, result.Lines.Count(line => line.EndsWith(": OK, 30 frames, receipt matches", StringComparison.Ordinal)));
    }

    [Fact]
    public void Mvps_verify_rejects_a_capture_with_one_tag_bit_flipped()
    {
        var damaged = CaptureMutation.FlipBits(
            EvidenceSource.PathOf(EvidenceSource.Fresh, EvidenceFiles.Baseline), frameIndex: 7, EvidenceFiles.TagFrameOffset, 0x01);

        var result = MvpsCli.Run("verify", damaged);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HMAC tag mismatch", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }
}
