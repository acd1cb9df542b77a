using System.CommandLine;
using Mvps.Codec.Capture;
using Mvps.Evidence.Receipt;
using Mvps.Evidence.Verification;
using Mvps.IO;
using Mvps.Release;

namespace Mvps.Tool;

/// <summary>
/// `mvps verify-release DIR --public-key F`: the signed-release checks (checksums, detached signature,
/// DSSE provenance, nothing unlisted) and, when the folder holds a receipt, `mvps verify` on its captures.
/// </summary>
internal static class VerifyReleaseCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "Release folder (SHA256SUMS, SHA256SUMS.sig, mvps-release.pub, mvps.intoto.jsonl and the released files)" };
        var publicKey = new Option<string>("--public-key") { Description = "Trusted release public key (PEM), obtained independently of the folder", Required = true };
        var keys = new KeyOptions("HMAC key file for the captures (default: the seed's public proof key)", "Environment variable holding the captures' HMAC key");
        var noCaptures = new Option<bool>("--no-captures") { Description = "Skip `mvps verify` of the *.pcap files against the receipt" };
        var command = new Command("verify-release", "Check a signed release folder offline (exit 0 good, 1 failed, 2 unusable input)")
        {
            folder, publicKey, keys.File, keys.Environment, noCaptures,
        };
        command.SetAction(parse => Run(parse.GetValue(folder)!, parse.GetValue(publicKey)!, parse.GetValue(keys.File), parse.GetValue(keys.Environment), parse.GetValue(noCaptures)));
        return command;
    }

    private static int Run(string folder, string publicKeyPath, string? keyFile, string? keyEnv, bool noCaptures)
    {
        try
        {
            var result = ReleaseVerifier.Verify(folder, publicKeyPath);
            foreach (var problem in result.Problems)
            {
                Console.Out.WriteLine($"FAILED {problem}");
            }

            if (result.SignedWithEphemeralKey)
            {
                // Name the key the envelope says signed it, not the key the user gave (which may be another one).
                var signer = result.EnvelopeKeyIds.Count > 0 ? string.Join(", ", result.EnvelopeKeyIds) : "no key id in the envelope";
                Console.Out.WriteLine($"WARNING: the provenance says the release was signed with an ephemeral throwaway key (envelope key id {signer}); it is not a published release");
            }

            var captureProblems = noCaptures ? 0 : VerifyCaptures(folder, keyFile, keyEnv);
            if (result.Passed && captureProblems == 0)
            {
                Console.Out.WriteLine($"{DisplayName.Of(folder)}: OK, {result.ListedFiles.Count} file(s) match SHA256SUMS and the provenance, signatures verify with key {result.KeyId}");
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine($"{DisplayName.Of(folder)}: FAILED, {result.Problems.Count} release problem(s), {captureProblems} capture(s) failing");
            return ExitCodes.VerificationFailed;
        }
        catch (Exception e) when (e is ReleaseInputException or UsageException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"mvps verify-release: {DisplayName.Clean(e.Message)}");
            return ExitCodes.UnusableInput;
        }
    }

    /// <summary>Runs the capture verifier on every *.pcap with the receipt's expectations; returns how many failed.</summary>
    private static int VerifyCaptures(string folder, string? keyFile, string? keyEnv)
    {
        var receiptPath = Path.Combine(folder, ReceiptWriter.FileName);
        var receiptKind = FileKind.Of(receiptPath, followLinks: false);
        if (receiptKind is not (FileKindValue.Regular or FileKindValue.Missing))
        {
            // Already a release problem (a release is a flat folder of regular files); never followed or opened.
            Console.Out.WriteLine($"FAILED {ReceiptWriter.FileName}: is {FileKind.Describe(receiptKind)}, not a regular file; captures not checked");
            return 1;
        }

        if (receiptKind == FileKindValue.Missing)
        {
            Console.Out.WriteLine($"{DisplayName.Of(folder)}: no {ReceiptWriter.FileName}, captures not checked frame by frame");
            return 0;
        }

        ReceiptVerifier receipt;
        try
        {
            receipt = ReceiptVerifier.Load(receiptPath);
        }
        catch (InvalidDataException e)
        {
            Console.Out.WriteLine($"FAILED {ReceiptWriter.FileName}: {e.Message}");
            return 1;
        }

        var key = KeySource.Load(keyFile, keyEnv);
        var failed = 0;
        var captures = Directory.GetFiles(folder, "*.pcap");
        Array.Sort(captures, StringComparer.Ordinal);
        foreach (var path in captures)
        {
            var name = DisplayName.Of(Path.GetFileName(path));
            var kind = FileKind.Of(path, followLinks: false);
            if (kind != FileKindValue.Regular)
            {
                Console.Out.WriteLine($"FAILED {name}: is {FileKind.Describe(kind)}, not a regular file; not opened");
                failed++;
                continue;
            }

            try
            {
                var verdict = receipt.Verify(path, name, key, threads: 1);
                if (verdict is null)
                {
                    Console.Out.WriteLine($"FAILED {name}: not listed in {ReceiptWriter.FileName}");
                    failed++;
                    continue;
                }

                if (verdict.Passed)
                {
                    Console.Out.WriteLine(VerdictText.Headline(verdict));
                    continue;
                }

                // The release's own line form, "FAILED name: problem", as for the release problems above.
                failed++;
                Console.Out.WriteLine($"FAILED {name}: {verdict.Frames} frames, {verdict.IssueCount} problem(s)");
                foreach (var issue in verdict.Issues)
                {
                    Console.Out.WriteLine($"  {issue}");
                }
            }
            catch (CaptureFormatException e)
            {
                // A release whose capture is not a capture failed verification; the input folder itself was usable.
                Console.Out.WriteLine($"FAILED {name}: {e.Message}");
                failed++;
            }
        }

        return failed;
    }
}
