namespace Mvps.Tool.Tests;

/// <summary>`verify --threads`: the report is the same for any thread count; nonsense counts are usage errors.</summary>
public sealed class ThreadsTests
{
    [Fact]
    public void Report_is_identical_for_one_and_many_threads_on_a_damaged_capture()
    {
        using var temp = new TempFolder();
        var bytes = File.ReadAllBytes(MvpsProcess.Evidence("mvps_ddos.pcap"));
        foreach (var frame in new[] { 3, 17, 29 })
        {
            bytes[24 + (frame * 126) + 16 + 100] ^= 0x40; // inside the tag
        }

        var file = temp.File("damaged.pcap");
        File.WriteAllBytes(file, bytes);

        var one = MvpsProcess.Run("verify", "--threads", "1", file);
        var four = MvpsProcess.Run("verify", "--threads", "4", file);

        Assert.Equal(1, one.ExitCode);
        Assert.Equal(one.ExitCode, four.ExitCode);
        Assert.Equal(one.StandardOutput, four.StandardOutput);
        // The tag fails; the UDP checksum it also breaks is a counted warning in capture mode.
        Assert.Contains("FAILED, 30 records: 30 MVPS (1 session); 3 with problems, 3 problem(s); 3 checksum warning(s)", one.StandardOutput);
        Assert.Contains("frame 17 (Wireshark no. 18, record at file offset 2166)", one.StandardOutput);
    }

    [Fact]
    public void Receipt_check_passes_with_several_threads()
    {
        var result = MvpsProcess.Run("verify", "--threads", "2", MvpsProcess.Evidence("mvps_baseline.pcap"), MvpsProcess.Evidence("mvps_ddos.pcap"),
            "--receipt", MvpsProcess.Evidence("mvps_pcap_receipt.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("mvps_baseline.pcap: OK, 30 frames, receipt matches", result.StandardOutput);
        Assert.Contains("mvps_ddos.pcap: OK, 30 frames, receipt matches", result.StandardOutput);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100000")]
    public void Out_of_range_thread_counts_exit_2(string threads)
    {
        var result = MvpsProcess.Run("verify", "--threads", threads, MvpsProcess.Evidence("mvps_baseline.pcap"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--threads {threads}", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }
}
