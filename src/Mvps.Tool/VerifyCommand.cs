using System.CommandLine;
using Mvps.Codec.Capture;
using Mvps.Evidence.Verification;
using Mvps.IO;

namespace Mvps.Tool;

/// <summary>`mvps verify`: every frame of every file, and with a receipt every hash it states.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Capture files (pcap or pcapng); - reads standard input", Arity = ArgumentArity.OneOrMore };
        var keys = new KeyOptions();
        var receipt = new Option<string?>("--receipt") { Description = "Receipt whose hashes the files must match" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar" };
        var strict = new Option<bool>("--strict") { Description = "Our evidence: every record must be a 110-byte Ethernet/IPv4 MVPS frame with correct checksums, ticks increasing across the file (implied by --receipt)" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores); the report is the same for any count", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("verify", "Find and check the MVPS frames of any capture: class of every record, payload, TTL, checksums, tags, tick order per session (exit 0 good, 1 failed or nothing verified, 2 unusable input)")
        {
            files, keys.File, keys.Environment, receipt, strict, quiet, threads,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(keys.File), parse.GetValue(keys.Environment), parse.GetValue(receipt), parse.GetValue(strict), parse.GetValue(quiet), parse.GetValue(threads)));
        return command;
    }

    /// <summary>Upper bound for --threads: more workers than this only add memory and hand-offs.</summary>
    private const int MaxThreads = 256;

    private static int Run(string[] files, string? keyFile, string? keyEnv, string? receiptPath, bool strict, bool quiet, int threads)
    {
        if (threads < 1 || threads > MaxThreads)
        {
            throw new UsageException($"--threads {threads}: give a count from 1 to {MaxThreads}");
        }

        if (files.Count(InputFiles.IsStandardInput) > 1)
        {
            throw new UsageException("- (standard input) can be given once");
        }

        if (receiptPath is not null && files.Any(InputFiles.IsStandardInput))
        {
            throw new UsageException("--receipt states each file's size and hash: give the capture files, not - (standard input)");
        }

        // A receipt is about our evidence, so it is checked the strict way.
        var mode = strict || receiptPath is not null ? VerificationMode.Strict : VerificationMode.Capture;

        var key = KeySource.Load(keyFile, keyEnv);
        ReceiptVerifier? receipt = null;
        if (receiptPath is not null)
        {
            try
            {
                receipt = ReceiptVerifier.Load(receiptPath);
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }
        }

        var exitCode = ExitCodes.Ok;
        foreach (var file in files)
        {
            try
            {
                if (receipt is null)
                {
                    InputFiles.RequireCapture(file);
                }
                else
                {
                    InputFiles.RequireRegularCapture(file);
                }

                if (receipt is not null && !receipt.Lists(file))
                {
                    Console.Out.WriteLine($"{DisplayName.Of(file)}: FAILED, not listed in receipt {DisplayName.Of(receiptPath)}");
                    exitCode = Math.Max(exitCode, ExitCodes.VerificationFailed);
                    continue;
                }

                CaptureVerdict verdict;
                using (var progress = new ProgressBar($"verify {Path.GetFileName(file)}", InputFiles.LengthForProgress(file), "B", quiet || InputFiles.IsStandardInput(file)))
                {
                    if (InputFiles.IsStandardInput(file))
                    {
                        using var input = Console.OpenStandardInput();
                        verdict = CaptureVerifier.Verify(input, file, key, threads, mode, progress);
                    }
                    else
                    {
                        verdict = receipt is null
                            ? CaptureVerifier.Verify(file, DisplayName.Of(file), key, threads, mode, null, progress)
                            : receipt.Verify(file, DisplayName.Of(file), key, threads, progress)!;
                    }
                }

                Report(verdict);
                if (!verdict.Passed)
                {
                    exitCode = Math.Max(exitCode, ExitCodes.VerificationFailed);
                }
            }
            catch (Exception e) when (e is UsageException or CaptureFormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"mvps verify: {DisplayName.Clean(e.Message)}");
                exitCode = ExitCodes.UnusableInput;
            }
        }

        return exitCode;
    }

    private static void Report(CaptureVerdict verdict)
    {
        Console.Out.WriteLine(VerdictText.Headline(verdict));
        foreach (var issue in verdict.Issues)
        {
            Console.Out.WriteLine($"  {issue}");
        }

        if (verdict.IssueCount > verdict.Issues.Count)
        {
            Console.Out.WriteLine($"  ... and {verdict.IssueCount - verdict.Issues.Count} more");
        }

        if (verdict.Mode == VerificationMode.Capture)
        {
            foreach (var session in verdict.Sessions.Take(MaxSessionsListed))
            {
                Console.Out.WriteLine($"  {session}");
            }

            if (verdict.Sessions.Count > MaxSessionsListed)
            {
                Console.Out.WriteLine($"  ... and {verdict.Sessions.Count - MaxSessionsListed} more sessions");
            }
        }
    }

    /// <summary>Sessions printed per file; a capture of a whole network may hold thousands.</summary>
    private const int MaxSessionsListed = 50;
}
