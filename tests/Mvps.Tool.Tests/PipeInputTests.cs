namespace Mvps.Tool.Tests;

/// <summary>
/// Pipes and stdin are normal inputs (issue 20, section 2): a key handed over by process substitution or on
/// standard input, a capture streamed from a decompressor. The real mvps runs in a subprocess of bash, exactly
/// as a user types it; every whole-file input still stops at its limit + 1 bytes (/dev/zero, an endless pipe).
/// Only an input read twice (a receipt) refuses a pipe, in one line that says why.
/// </summary>
public sealed class PipeInputTests
{
    /// <summary>Not the public proof key: a capture made with it verifies only if the pipe delivered every byte.</summary>
    private const string Secret = "a secret that never touches the disk";

    [Fact]
    public void A_key_from_process_substitution_or_stdin_verifies_and_a_wrong_one_fails()
    {
        using var temp = new TempFolder();
        var capture = GenerateWithSecret(temp);

        var substituted = Bash(temp, "dotnet \"$MVPS\" verify --key-file <(printf '%s\\n' \"$SECRET\") mvps_baseline.pcap");
        Assert.True(substituted.ExitCode == 0, substituted.StandardOutput + substituted.StandardError);
        Assert.Contains("mvps_baseline.pcap: OK", substituted.StandardOutput);

        var stdin = Bash(temp, "printf '%s' \"$SECRET\" | dotnet \"$MVPS\" verify --key-file /dev/stdin mvps_baseline.pcap");
        Assert.True(stdin.ExitCode == 0, stdin.StandardOutput + stdin.StandardError);

        var redirected = Bash(temp, "printf '%s' \"$SECRET\" > key && dotnet \"$MVPS\" verify --key-file /dev/stdin mvps_baseline.pcap < key");
        Assert.True(redirected.ExitCode == 0, redirected.StandardOutput + redirected.StandardError);

        var wrong = Bash(temp, "dotnet \"$MVPS\" verify --key-file <(printf 'not the secret') mvps_baseline.pcap");
        Assert.True(wrong.ExitCode == 1, wrong.StandardOutput + wrong.StandardError);
        Assert.Contains("HMAC tag mismatch", wrong.StandardOutput);
        Assert.True(File.Exists(capture));
    }

    [Theory]
    [InlineData("--key-file /dev/zero", "/dev/zero: larger than the 1 MiB limit for a key file")]
    [InlineData("--key-file <(cat /dev/zero 2>/dev/null)", "larger than the 1 MiB limit for a key file")]
    [InlineData("--key-file /dev/stdin < /dev/zero", "/dev/stdin: larger than the 1 MiB limit for a key file")]
    [InlineData("--key-file <(true)", "key file is empty")]
    public void An_endless_or_empty_key_from_a_device_or_pipe_is_one_line(string keyArguments, string expected)
    {
        using var temp = new TempFolder();
        File.Copy(MvpsProcess.Evidence("mvps_baseline.pcap"), temp.File("mvps_baseline.pcap"));

        var result = Bash(temp, $"dotnet \"$MVPS\" verify {keyArguments} mvps_baseline.pcap");

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains(expected, result.StandardError);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("verify <(cat \"$EVIDENCE/mvps_baseline.pcap\")")]
    [InlineData("verify <(gzip -c \"$EVIDENCE/mvps_ddos.pcap\" | zcat)")]
    [InlineData("verify - < \"$EVIDENCE/mvps_baseline.pcap\"")]
    [InlineData("decode <(cat \"$EVIDENCE/mvps_baseline.pcap\")")]
    public void A_capture_streams_from_a_pipe(string command)
    {
        using var temp = new TempFolder();

        var result = Bash(temp, $"dotnet \"$MVPS\" {command}");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.DoesNotContain("FAILED", result.StandardOutput);
    }

    [Fact]
    public void A_receipt_from_a_pipe_is_refused_in_one_line_that_says_why()
    {
        using var temp = new TempFolder();

        var result = Bash(temp, "dotnet \"$MVPS\" verify --receipt <(cat \"$EVIDENCE/mvps_pcap_receipt.json\" 2>/dev/null) \"$EVIDENCE/mvps_baseline.pcap\"");

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("is a FIFO (named pipe); a receipt is read twice (its frame hashes, then its frames beside each capture), so it must be a regular file", result.StandardError);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string GenerateWithSecret(TempFolder temp)
    {
        var generated = MvpsProcess.Run(new Dictionary<string, string> { ["MVPS_TEST_SECRET"] = Secret },
            "generate", "--out", temp.Path, "--regime", "baseline", "--key-env", "MVPS_TEST_SECRET", "-q");
        Assert.True(generated.ExitCode == 0, generated.StandardError);
        return temp.File("mvps_baseline.pcap");
    }

    /// <summary>Runs a bash command line in <paramref name="temp"/>, with $MVPS the tool, $EVIDENCE the evidence folder and $SECRET the key.</summary>
    private static ProcessResult Bash(TempFolder temp, string commandLine)
    {
        var environment = new Dictionary<string, string>
        {
            ["MVPS"] = Path.Combine(AppContext.BaseDirectory, "mvps.dll"),
            ["EVIDENCE"] = Path.GetDirectoryName(MvpsProcess.Evidence("mvps_baseline.pcap"))!,
            ["SECRET"] = Secret,
        };
        return ExternalProgram.Run("bash", ["-c", commandLine], workingDirectory: temp.Path, environment: environment, hangLimit: Timeout.InfiniteTimeSpan);
    }
}
