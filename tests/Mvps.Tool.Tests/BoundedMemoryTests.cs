using System.Text;
using System.Text.Json.Nodes;

namespace Mvps.Tool.Tests;

/// <summary>
/// Memory that must not grow with the frame count (issue 14, class 3), measured as the child's peak RSS
/// with /usr/bin/time: generate's receipt, verify --receipt against a receipt listing fewer frames than the
/// capture, and diff of two captures that differ in every frame. The bounds are far below what the old
/// code took on the same inputs (docs/performance.md has both).
/// </summary>
public sealed class BoundedMemoryTests
{
    private const long BoundKilobytes = 150 * 1024;

    [HostileInputTests.PeakMemoryFact]
    public void Generate_100000_frames_streams_its_receipt()
    {
        using var temp = new TempFolder();
        var (result, peak) = HostileInputTests.RunMeasured("generate", "--out", temp.Path, "--frames", "100000", "--regime", "baseline", "-q");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.True(new FileInfo(temp.File("mvps_pcap_receipt.json")).Length > 100_000_000, "the receipt lists every frame");
        Assert.True(peak < BoundKilobytes, $"peak RSS {peak} KB");
    }

    [HostileInputTests.PeakMemoryFact]
    public void Verify_receipt_with_an_empty_frames_list_does_not_render_the_capture()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, MvpsProcess.Run("generate", "--out", temp.Path, "--frames", "300000", "--regime", "baseline", "-q").ExitCode);
        var receipt = JsonNode.Parse(File.ReadAllText(temp.File("mvps_pcap_receipt.json")))!.AsObject();
        receipt["captures"]![0]!["frames"] = new JsonArray();
        File.WriteAllText(temp.File("small.json"), receipt.ToJsonString());

        var (result, peak) = HostileInputTests.RunMeasured("verify", "-q", "--receipt", temp.File("small.json"), temp.File("mvps_baseline.pcap"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("frame not listed in the receipt", result.StandardOutput);
        Assert.True(peak < BoundKilobytes, $"peak RSS {peak} KB");
    }

    /// <summary>Peak RSS allowed for verify --receipt on any receipt up to the 512 MiB limit (issue 20, section 3).</summary>
    private const long ReceiptBoundKilobytes = 100 * 1024;

    [HostileInputTests.PeakMemoryFact]
    public void Verify_receipt_padded_to_200_MB_with_long_strings_reads_it_in_bounded_memory()
    {
        // Valid JSON and a valid receipt: the padding sits where the verifier does not look (a top-level member, a
        // nested one, and an unknown member of a capture entry), so it still verifies, and must cost no memory.
        using var temp = new TempFolder();
        var receipt = temp.File("padded.json");
        var original = File.ReadAllText(MvpsProcess.Evidence("mvps_pcap_receipt.json"));
        var entry = original.IndexOf('{', original.IndexOf("\"captures\"", StringComparison.Ordinal));
        using (var stream = new FileStream(receipt, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            stream.Write("{\"padding\": \""u8);
            Repeat(stream, (byte)'x', 100_000_000);
            stream.Write("\",\n  \"comment\": {\"nested\": [\"\\u00e9"u8);
            Repeat(stream, (byte)'y', 50_000_000);
            stream.Write("\\\"\"]},"u8);
            stream.Write(Encoding.UTF8.GetBytes(original[1..(entry + 1)]));
            stream.Write("\"note\":\""u8);
            Repeat(stream, (byte)'z', 50_000_000);
            stream.Write("\","u8);
            stream.Write(Encoding.UTF8.GetBytes(original[(entry + 1)..]));
        }

        Assert.True(new FileInfo(receipt).Length > 200_000_000);
        var (result, peak) = HostileInputTests.RunMeasured("verify", "-q", "--receipt", receipt,
            MvpsProcess.Evidence("mvps_baseline.pcap"), MvpsProcess.Evidence("mvps_ddos.pcap"));

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.True(peak < ReceiptBoundKilobytes, $"peak RSS {peak} KB");
        Console.WriteLine($"verify --receipt on a {new FileInfo(receipt).Length}-byte padded receipt: peak RSS {peak} KB");
    }

    [HostileInputTests.PeakMemoryFact]
    public void Verify_and_report_read_a_genuine_receipt_of_two_100000_frame_captures_in_bounded_memory()
    {
        // The largest genuine receipt: two captures at the most frames a receipt lists (about 293 MB of JSON).
        using var temp = new TempFolder();
        var run = temp.Sub("run");
        Assert.Equal(0, MvpsProcess.Run("generate", "--out", run, "--frames", "100000", "-q").ExitCode);
        var receipt = Path.Combine(run, "mvps_pcap_receipt.json");
        Assert.True(new FileInfo(receipt).Length > 290_000_000, "both captures list every frame");

        var (verify, verifyPeak) = HostileInputTests.RunMeasured("verify", "-q", "--receipt", receipt,
            Path.Combine(run, "mvps_baseline.pcap"), Path.Combine(run, "mvps_ddos.pcap"));

        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
        Assert.Contains("mvps_ddos.pcap: OK, 100000 frames, receipt matches", verify.StandardOutput);
        Assert.True(verifyPeak < ReceiptBoundKilobytes, $"verify --receipt: peak RSS {verifyPeak} KB");

        // The report's page grows with the captures' frames; beside the evidence's 30-frame captures only the receipt is large.
        var evidence = temp.Sub("evidence");
        File.Copy(MvpsProcess.Evidence("mvps_baseline.pcap"), Path.Combine(evidence, "mvps_baseline.pcap"));
        File.Copy(MvpsProcess.Evidence("mvps_ddos.pcap"), Path.Combine(evidence, "mvps_ddos.pcap"));
        File.Move(receipt, Path.Combine(evidence, "mvps_pcap_receipt.json"));
        var (report, reportPeak) = HostileInputTests.RunMeasured("report", "--evidence", evidence, "--out", temp.File("report.html"));

        Assert.True(report.ExitCode == 0, report.StandardOutput + report.StandardError);
        Assert.Contains("mvps_ddos.pcap: OK, 100000 frames, receipt matches", File.ReadAllText(temp.File("report.html"))); // its recipe, from the big receipt
        Assert.True(reportPeak < ReceiptBoundKilobytes, $"report: peak RSS {reportPeak} KB");
        Console.WriteLine($"genuine 2 x 100,000-frame receipt: verify --receipt peak RSS {verifyPeak} KB, report {reportPeak} KB");
    }

    /// <summary>verify-release's metadata files, each read whole, and the size each may be (docs/performance.md).</summary>
    private static readonly (string Name, int Limit, string LimitText)[] ReleaseMetadata =
    [
        ("SHA256SUMS", 1 << 20, "1 MiB"),
        ("SHA256SUMS.sig", 4 << 10, "4 KiB"),
        ("mvps-release.pub", 64 << 10, "64 KiB"),
        ("mvps.intoto.jsonl", 4 << 20, "4 MiB"),
    ];

    [HostileInputTests.PeakMemoryFact]
    public void Verify_release_reads_metadata_files_at_their_limits_in_bounded_memory_and_refuses_one_byte_more()
    {
        using var temp = new TempFolder();
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var trusted = temp.File("trusted.pub");
        File.WriteAllText(trusted, key.ExportSubjectPublicKeyInfoPem() + "\n");

        foreach (var extra in (int[])[0, 1])
        {
            var folder = temp.Sub(extra == 0 ? "at-limit" : "over-limit");
            foreach ((var name, var limit, _) in ReleaseMetadata)
            {
                File.WriteAllBytes(Path.Combine(folder, name), MetadataOfLength(name, limit + extra));
            }

            var (result, peak) = HostileInputTests.RunMeasured("verify-release", folder, "--public-key", trusted, "--no-captures");

            Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
            Assert.DoesNotContain("   at ", result.StandardError);
            Assert.All(result.StandardOutput.Split('\n'), line => Assert.True(line.Length < 1000, $"a line of {line.Length} characters"));
            foreach ((var name, _, var limitText) in ReleaseMetadata)
            {
                var refusal = $"FAILED {name}: is larger than the {limitText} a release's {name} may be";
                Assert.True(result.StandardOutput.Contains(refusal, StringComparison.Ordinal) == (extra == 1), $"{name}, {extra} byte(s) over:\n{result.StandardOutput}");
            }

            Assert.True(peak < ReceiptBoundKilobytes, $"verify-release, metadata {extra} byte(s) over the limits: peak RSS {peak} KB");
            Console.WriteLine($"verify-release, metadata files {extra} byte(s) over their limits: peak RSS {peak} KB");
        }

        // The trusted key is read whole too: one byte over its limit is one line and exit 2.
        File.WriteAllBytes(trusted, MetadataOfLength("mvps-release.pub", (64 << 10) + 1));
        var over = MvpsProcess.Run("verify-release", temp.Sub("at-limit"), "--public-key", trusted, "--no-captures");
        Assert.True(over.ExitCode == 2, over.StandardOutput + over.StandardError);
        Assert.Contains("trusted.pub: larger than the 64 KiB limit for a public key file", over.StandardError);
        Assert.Single(over.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// A file of exactly <paramref name="length"/> bytes shaped like the named metadata, so each is parsed as far as it
    /// can be: a checksum line with a long name, a DSSE envelope with a large payload, PEM-like text, signature bytes.
    /// </summary>
    private static byte[] MetadataOfLength(string name, int length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)'x');
        var head = name switch
        {
            "SHA256SUMS" => Encoding.ASCII.GetBytes(new string('0', 64) + "  "),
            "mvps.intoto.jsonl" => "{\"payloadType\":\"application/vnd.in-toto+json\",\"signatures\":[],\"payload\":\""u8.ToArray(),
            "mvps-release.pub" => "-----BEGIN PUBLIC KEY-----\n"u8.ToArray(),
            _ => [],
        };
        head.CopyTo(bytes, 0);
        if (name == "mvps.intoto.jsonl")
        {
            // Base64 "x" characters to the end, then the closing of the envelope and its one LF.
            "\"}\n"u8.CopyTo(bytes.AsSpan(length - 3));
        }
        else if (name == "SHA256SUMS")
        {
            bytes[^1] = (byte)'\n';
        }

        return bytes;
    }

    [Fact]
    public void A_receipt_value_the_verifier_needs_that_is_longer_than_its_window_is_one_line()
    {
        using var temp = new TempFolder();
        var receipt = JsonNode.Parse(File.ReadAllText(MvpsProcess.Evidence("mvps_pcap_receipt.json")))!.AsObject();
        receipt["captures"]![0]!["sha256"] = new string('a', 2 << 20);
        File.WriteAllText(temp.File("long.json"), receipt.ToJsonString());

        var result = MvpsProcess.Run("verify", "--receipt", temp.File("long.json"), MvpsProcess.Evidence("mvps_baseline.pcap"));

        Assert.True(result.ExitCode == 2, result.StandardOutput + result.StandardError);
        Assert.Matches("long\\.json: malformed receipt: a value at byte [0-9]+ is larger than the 1 MiB the verifier reads at once", result.StandardError);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Repeat(Stream stream, byte value, int count)
    {
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, value);
        for (var left = count; left > 0; left -= chunk.Length)
        {
            stream.Write(chunk, 0, Math.Min(left, chunk.Length));
        }
    }

    [HostileInputTests.PeakMemoryFact]
    public void Diff_counts_every_difference_but_keeps_only_the_first_few()
    {
        using var temp = new TempFolder();
        string a = temp.Sub("a"), b = temp.Sub("b");
        Assert.Equal(0, MvpsProcess.Run("generate", "--out", a, "--frames", "200000", "--regime", "baseline", "--seed", "1", "-q").ExitCode);
        Assert.Equal(0, MvpsProcess.Run("generate", "--out", b, "--frames", "200000", "--regime", "baseline", "--seed", "2", "-q").ExitCode);

        var (result, peak) = HostileInputTests.RunMeasured("diff", Path.Combine(a, "mvps_baseline.pcap"), Path.Combine(b, "mvps_baseline.pcap"));

        Assert.Equal(1, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(52, lines.Length); // 50 differences, "... and N more", the total
        Assert.Matches("^\\.\\.\\. and [0-9]{6,} more differences$", lines[50]);
        Assert.Matches("^different: [0-9]{6,} difference\\(s\\) in 200000 compared frames$", lines[51]);
        Assert.True(peak < BoundKilobytes, $"peak RSS {peak} KB");
    }
}
