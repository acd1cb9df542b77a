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

        Assert.True(result.ExitCode == 0, result.Stderr);
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
        Assert.Contains("frame not listed in the receipt", result.Stdout);
        Assert.True(peak < BoundKilobytes, $"peak RSS {peak} KB");
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
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(52, lines.Length); // 50 differences, "... and N more", the total
        Assert.Matches("^\\.\\.\\. and [0-9]{6,} more differences$", lines[50]);
        Assert.Matches("^different: [0-9]{6,} difference\\(s\\) in 200000 compared frames$", lines[51]);
        Assert.True(peak < BoundKilobytes, $"peak RSS {peak} KB");
    }
}
