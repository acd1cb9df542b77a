using System.CommandLine;
using Mvps.Codec.Capture;
using Mvps.Codec.Verification;
using Mvps.IO;

namespace Mvps.Tool;

/// <summary>`mvps verify`: every frame of every file, and with a receipt every hash it states.</summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Capture files (pcap or pcapng)", Arity = ArgumentArity.OneOrMore };
        var keyFile = new Option<string?>("--key-file") { Description = "HMAC key file (default: the seed's public proof key)" };
        var keyEnv = new Option<string?>("--key-env") { Description = "Environment variable holding the HMAC key" };
        var receipt = new Option<string?>("--receipt") { Description = "Receipt whose hashes the files must match" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores); the report is the same for any count", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("verify", "Check layout, checksums, tags and tick order of every frame (exit 0 good, 1 failed, 2 unusable input)")
        {
            files, keyFile, keyEnv, receipt, quiet, threads,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(keyFile), parse.GetValue(keyEnv), parse.GetValue(receipt), parse.GetValue(quiet), parse.GetValue(threads)));
        return command;
    }

    /// <summary>Upper bound for --threads: more workers than this only add memory and hand-offs.</summary>
    private const int MaxThreads = 256;

    private static int Run(string[] files, string? keyFile, string? keyEnv, string? receiptPath, bool quiet, int threads)
    {
        if (threads < 1 || threads > MaxThreads)
        {
            throw new UsageException($"--threads {threads}: give a count from 1 to {MaxThreads}");
        }

        byte[] key = KeySource.Load(keyFile, keyEnv);
        IReadOnlyDictionary<string, ReceiptExpectations>? receipt = null;
        if (receiptPath is not null)
        {
            try
            {
                receipt = ReceiptExpectations.Load(receiptPath);
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }
        }

        int exitCode = ExitCodes.Ok;
        foreach (string file in files)
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

                ReceiptExpectations? expected = null;
                if (receipt is not null && !receipt.TryGetValue(Path.GetFileName(file), out expected))
                {
                    Console.Out.WriteLine($"{DisplayName.Of(file)}: FAILED, not listed in receipt {DisplayName.Of(receiptPath)}");
                    exitCode = Math.Max(exitCode, ExitCodes.VerificationFailed);
                    continue;
                }

                CaptureVerdict verdict;
                using (var progress = new ProgressBar($"verify {Path.GetFileName(file)}", new FileInfo(file).Length, "B", quiet))
                {
                    verdict = CaptureVerifier.Verify(file, DisplayName.Of(file), key, threads, expected, progress);
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
        string receiptNote = verdict.ReceiptChecked ? ", receipt matches" : "";
        if (verdict.Passed)
        {
            Console.Out.WriteLine($"{verdict.DisplayName}: OK, {verdict.Frames} frames{receiptNote}");
            return;
        }

        Console.Out.WriteLine($"{verdict.DisplayName}: FAILED, {verdict.Frames} frames, {verdict.FramesWithProblems} with problems, {verdict.IssueCount} problem(s)");
        foreach (FrameIssue issue in verdict.Issues)
        {
            Console.Out.WriteLine($"  {issue}");
        }

        if (verdict.IssueCount > verdict.Issues.Count)
        {
            Console.Out.WriteLine($"  ... and {verdict.IssueCount - verdict.Issues.Count} more");
        }
    }
}
