namespace Mvps.Tool.Tests;

public sealed class DiffAndDecodeTests
{
    [Fact]
    public void Identical_captures_diff_clean()
    {
        var result = MvpsProcess.Run("diff", MvpsProcess.Evidence("mvps_baseline.pcap"), MvpsProcess.Evidence("mvps_baseline.pcap"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("identical: 30 frames", result.StandardOutput);
    }

    [Fact]
    public void Diff_names_the_frame_and_the_decoded_field()
    {
        using var temp = new TempFolder();
        var copy = EvidenceCopy.Edited(temp, "mvps_ddos.pcap", bytes => bytes[24 + 9 * 126 + 16 + 89] ^= 0x01); // lowest bit of C1 in frame 9

        var result = MvpsProcess.Run("diff", MvpsProcess.Evidence("mvps_ddos.pcap"), copy);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("frame 9: mvps.c1 (offset 86)", result.StandardOutput);
        Assert.Single(result.StandardOutput.Split('\n'), l => l.StartsWith("frame ", StringComparison.Ordinal)); // only that field differs
        Assert.Contains("different: 1 difference(s) in 30 compared frames", result.StandardOutput);
    }

    [Fact]
    public void Diff_reports_a_capture_that_is_longer()
    {
        using var temp = new TempFolder();
        var copy = EvidenceCopy.Rewritten(temp, "mvps_baseline.pcap", bytes => bytes[..(24 + 29 * 126)]);

        var result = MvpsProcess.Run("diff", MvpsProcess.Evidence("mvps_baseline.pcap"), copy);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("frame 29: only in", result.StandardOutput);
    }

    [Fact]
    public void Decode_prints_one_line_per_frame_with_the_receipt_values()
    {
        var result = MvpsProcess.Run("decode", MvpsProcess.Evidence("mvps_baseline.pcap"));

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(30, lines.Length);
        Assert.StartsWith("0 2026-05-25T00:01:40.000000Z tick=1000 ", lines[0]);
        Assert.All(lines, l => Assert.EndsWith(" ok", l));
    }

    [Fact]
    public void Decode_json_gives_one_object_per_line_matching_the_receipt()
    {
        var result = MvpsProcess.Run("decode", MvpsProcess.Evidence("mvps_ddos.pcap"), "--json");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(30, lines.Length);
        using var receipt = System.Text.Json.JsonDocument.Parse(File.ReadAllText(MvpsProcess.Evidence("mvps_pcap_receipt.json")));
        var frames = receipt.RootElement.GetProperty("captures")[1].GetProperty("frames");
        for (var i = 0; i < 30; i++)
        {
            using var line = System.Text.Json.JsonDocument.Parse(lines[i]);
            Assert.Equal(frames[i].GetProperty("frameSha256").GetString(), line.RootElement.GetProperty("frameSha256").GetString());
            Assert.Equal(frames[i].GetProperty("mvps").GetProperty("c2Bits").GetString(), line.RootElement.GetProperty("mvps").GetProperty("c2Bits").GetString());
            Assert.Equal(0, line.RootElement.GetProperty("problems").GetArrayLength());
        }
    }
}
