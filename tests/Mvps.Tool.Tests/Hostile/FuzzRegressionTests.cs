using System.Text;
using Mvps.Evidence.Receipt;
using Mvps.Evidence.Verification;
using Mvps.Codec.Wire;
using Mvps.Fuzz;
using Mvps.Release;

namespace Mvps.Tool.Tests.Hostile;

/// <summary>
/// Inputs kept from fuzzing (tests/Mvps.Fuzz, AFL++), a folder per target under FuzzInputs/: every crash, hang or
/// over-allocation a run found, once fixed (finding-*), plus the coverage-minimal set of its queue. Each input goes
/// through its target's <see cref="IFuzzTarget.Check"/>, the very checks the harness applies under AFL: only the
/// parser's documented exception, the target's invariants, and allocation within the target's budget.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "Mvps.Codec.Tests", "Hostile", "FuzzInputs");

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.Names)
        {
            var folder = Path.Combine(Folder, target);
            if (!Directory.Exists(folder))
            {
                continue; // Every_target_has_a_kept_corpus names the missing folder
            }

            foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(target, Path.GetFileName(path));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Kept_input_passes_its_target_checks(string target, string name)
    {
        var input = File.ReadAllBytes(Path.Combine(Folder, target, name));
        using var work = new TempFolder();
        var check = FuzzTargets.Create(target, work.Path, RepositoryRoot.Path);
        try
        {
            check.Check(input);
        }
        finally
        {
            (check as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void Every_target_has_a_kept_corpus_and_every_folder_is_a_target()
    {
        foreach (var target in FuzzTargets.Names)
        {
            var folder = Path.Combine(Folder, target);
            Assert.True(Directory.Exists(folder) && Directory.GetFiles(folder).Length > 0, $"no kept inputs for the fuzz target {target} in {folder}");
        }

        foreach (var folder in Directory.GetDirectories(Folder))
        {
            Assert.Contains(Path.GetFileName(folder), FuzzTargets.Names);
        }
    }

    [Fact]
    public void Receipt_text_that_is_not_UTF8_is_a_difference_in_the_verdict_not_an_exception()
    {
        // Finding of the receipt target: the reader reads only "frameSha256" of a frame entry, so another member's
        // invalid UTF-8 reached the content check, whose GetString threw InvalidOperationException (a stack trace).
        using var work = new TempFolder();
        using var target = new ReceiptTarget(work.Path, RepositoryRoot.Evidence("mvps_baseline.pcap"));
        var receipt = File.ReadAllBytes(Path.Combine(Folder, FuzzTargets.Receipt, "seed-evidence-1-capture-1-frame.json"));
        var at = Encoding.ASCII.GetString(receipt).IndexOf("\"stateName\":\"Up\"", StringComparison.Ordinal) + "\"stateName\":\"".Length;
        receipt[at] = 0xFE;
        var path = work.File("receipt.json");
        File.WriteAllBytes(path, receipt);

        var expected = Assert.Single(ReceiptExpectations.Load(path).Values);
        using var authenticator = FrameAuthenticator.ForProofKey();
        var verdict = CaptureVerifier.Verify(work.File("mvps_baseline.pcap"), expected.File, authenticator, VerificationMode.Strict, expected, progress: null);

        Assert.Contains(verdict.Issues, issue => issue.Detail.Contains("bfd.stateName = text that is not valid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void A_PEM_key_on_a_curve_OpenSSL_does_not_know_is_one_line()
    {
        // Finding of the pem-key target: an unknown curve OID made OpenSSL throw PlatformNotSupportedException.
        var pem = File.ReadAllText(Path.Combine(Folder, FuzzTargets.PemKey, "finding-unknown-curve-oid.pem"));
        var e = Assert.Throws<ReleaseInputException>(() => SigningKey.FromPem(pem, "key.pem"));
        Assert.Equal("key.pem: the EC PRIVATE KEY block names a curve this system does not know; releases are signed with ECDSA P-256 (prime256v1)", e.Message);
    }

    [Fact]
    public void SHA256SUMS_of_many_bad_lines_names_twenty_and_counts_the_rest()
    {
        // Finding of the release-metadata target: one problem per bad line, so 1 MiB of newlines was a million problems.
        var list = Sha256Sums.Parse(new string('\n', 100_000));
        Assert.Equal(Sha256Sums.MaxLineProblems + 1, list.Problems.Count);
        Assert.Equal("line 20: not \"<64 hex digits>  <file name>\"", list.Problems[^2].Message);
        Assert.Equal("99980 more line(s) that are not \"<64 hex digits>  <file name>\" or list a file again", list.Problems[^1].Message);
    }
}
