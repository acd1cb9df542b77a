using System.Text;
using System.Text.Json.Nodes;

namespace Mvps.Tool.Tests;

/// <summary>
/// Memory that must not grow with the frame count (issue 14, class 3), measured as the child's peak RSS
/// with /usr/bin/time: generate's receipt, verify --receipt against a receipt listing fewer frames than the
/// capture, and diff of two captures that differ in every frame. The bounds are far below what the old
/// code took on the same inputs (docs/performance.md has both).
/// </summary>
public class BoundedMemoryTests
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
        JsonObject receipt = JsonNode.Parse(File.ReadAllText(temp.File("mvps_pcap_receipt.json")))!.AsObject();
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
        string receipt = temp.File("padded.json");
        string original = File.ReadAllText(MvpsProcess.Evidence("mvps_pcap_receipt.json"));
        int entry = original.IndexOf('{', original.IndexOf("\"captures\"", StringComparison.Ordinal));
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

    [Fact]
    public void A_receipt_value_the_verifier_needs_that_is_longer_than_its_window_is_one_line()
    {
        using var temp = new TempFolder();
        JsonObject receipt = JsonNode.Parse(File.ReadAllText(MvpsProcess.Evidence("mvps_pcap_receipt.json")))!.AsObject();
        receipt["captures"]![0]!["sha256"] = new string('a', 2 << 20);
        File.WriteAllText(temp.File("long.json"), receipt.ToJsonString());

        var result = MvpsProcess.Run("verify", "--receipt", temp.File("long.json"), MvpsProcess.Evidence("mvps_baseline.pcap"));

        Assert.True(result.ExitCode == 2, result.StandardOutput + result.StandardError);
        Assert.Matches("long\\.json: malformed receipt: a value at byte [0-9]+ is larger than the 1 MiB the verifier reads at once", result.StandardError);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Repeat(Stream stream, byte value, int count)
    {
        byte[] chunk = new byte[1 << 20];
        Array.Fill(chunk, value);
        for (int left = count; left > 0; left -= chunk.Length)
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
        string[] lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(52, lines.Length); // 50 differences, "... and N more", the total
        Assert.Matches("^\\.\\.\\. and [0-9]{6,} more differences$", lines[50]);
        Assert.Matches("^different: [0-9]{6,} difference\\(s\\) in 200000 compared frames$", lines[51]);
        Assert.True(peak < BoundKilobytes, $"peak RSS {peak} KB");
    }
}
