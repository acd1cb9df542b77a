namespace Mvps.Tool.Tests;

public sealed class GenerateCommandTests
{
    [Fact]
    public void Defaults_reproduce_the_committed_evidence_byte_for_byte()
    {
        using var temp = new TempFolder();

        var result = MvpsProcess.Run("generate", "--out", temp.Path, "--quiet");

        Assert.Equal(0, result.ExitCode);
        foreach (var file in new[] { "mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json" })
        {
            Assert.Equal(File.ReadAllBytes(MvpsProcess.Evidence(file)), File.ReadAllBytes(temp.File(file)));
        }

        Assert.Equal(3, Directory.GetFiles(temp.Path).Length); // no temporary files left behind
    }

    [Fact]
    public void Output_does_not_depend_on_the_working_directory_timezone_or_culture()
    {
        using var temp = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["TZ"] = "Pacific/Chatham",
            ["LANG"] = "de_DE.UTF-8",
            ["LC_ALL"] = "tr_TR.UTF-8",
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0",
            ["HOME"] = temp.Path,
        };

        var result = MvpsProcess.Run(environment, "generate", "--out", temp.File("out"), "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(MvpsProcess.Evidence("mvps_pcap_receipt.json")), File.ReadAllBytes(Path.Combine(temp.File("out"), "mvps_pcap_receipt.json")));
    }

    [Fact]
    public void Frames_option_scales_a_regime_and_another_seed_changes_it()
    {
        using var temp = new TempFolder();

        var result = MvpsProcess.Run("generate", "--out", temp.Path, "--regime", "ddos", "--frames", "1000", "--seed", "7", "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(24 + 1000 * 126, new FileInfo(temp.File("mvps_ddos.pcap")).Length);
        Assert.False(File.Exists(temp.File("mvps_baseline.pcap")));
        Assert.Equal(0, MvpsProcess.Run("verify", temp.File("mvps_ddos.pcap"), "--receipt", temp.File("mvps_pcap_receipt.json")).ExitCode);
    }

    [Fact]
    public void A_private_key_file_signs_the_frames_and_stays_out_of_the_receipt()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("key"), "not-the-public-proof-key\n");

        Assert.Equal(0, MvpsProcess.Run("generate", "--out", temp.File("out"), "--key-file", temp.File("key"), "--quiet").ExitCode);
        var receipt = File.ReadAllText(Path.Combine(temp.File("out"), "mvps_pcap_receipt.json"));
        var capture = Path.Combine(temp.File("out"), "mvps_baseline.pcap");

        Assert.DoesNotContain("not-the-public-proof-key", receipt);
        Assert.Equal(1, MvpsProcess.Run("verify", capture).ExitCode);
        Assert.Equal(0, MvpsProcess.Run("verify", capture, "--key-file", temp.File("key")).ExitCode);
        var fromEnvironment = MvpsProcess.Run(new Dictionary<string, string> { ["MVPS_TEST_KEY"] = "not-the-public-proof-key" }, "verify", capture, "--key-env", "MVPS_TEST_KEY");
        Assert.Equal(0, fromEnvironment.ExitCode);
        Assert.DoesNotContain("not-the-public-proof-key", fromEnvironment.StandardOutput + fromEnvironment.StandardError);
    }
}
