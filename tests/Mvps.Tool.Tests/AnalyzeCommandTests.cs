using System.Text.Json;

namespace Mvps.Tool.Tests;

/// <summary>`mvps analyze` run for real on the evidence: the issue's "done when" numbers, byte-stable JSON, bad input.</summary>
public sealed class AnalyzeCommandTests
{
    private static readonly string Baseline = MvpsProcess.Evidence("mvps_baseline.pcap");
    private static readonly string Ddos = MvpsProcess.Evidence("mvps_ddos.pcap");

    [Fact]
    public void Evidence_has_no_alarm_before_the_attack_every_alarm_from_tick_36007_and_no_false_alarm_on_the_baseline()
    {
        var result = MvpsProcess.Run("analyze", Ddos, "--reference", Baseline, "--json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.StandardOutput).RootElement;

        var reference = root.GetProperty("reference").GetProperty("sessions")[0];
        Assert.True(reference.GetProperty("leaveOneOut").GetBoolean());
        Assert.Equal(0, reference.GetProperty("alarms").GetInt32());
        Assert.Equal(30, reference.GetProperty("frames").GetInt32());
        Assert.InRange(reference.GetProperty("maxD2").GetDouble(), 13.6, 13.7);

        var ddos = root.GetProperty("captures")[0].GetProperty("sessions")[0];
        Assert.Equal(29.532, ddos.GetProperty("threshold").GetDouble(), 3);
        Assert.Equal(36007, ddos.GetProperty("firstAlarmTick").GetInt64());
        Assert.Equal(36007, ddos.GetProperty("onsetTick").GetInt64());
        Assert.Equal(0, ddos.GetProperty("detectionDelayTicks").GetInt64());
        Assert.Equal(0, ddos.GetProperty("alarmsBeforeOnset").GetInt64());
        foreach (var frame in ddos.GetProperty("perFrame").EnumerateArray())
        {
            var tick = frame.GetProperty("tick").GetInt64();
            var d2 = frame.GetProperty("d2").GetDouble();
            Assert.Equal(tick >= 36007, frame.GetProperty("alarm").GetBoolean());
            Assert.True(tick >= 36007 ? d2 > 17_000 : d2 <= 10.93, $"tick {tick}: D2 {d2}");
        }
    }

    [Fact]
    public void Text_output_names_the_first_alarm_and_the_false_alarms()
    {
        var result = MvpsProcess.Run("analyze", Ddos, "--reference", Baseline);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("false alarms 0 of 30", result.StandardOutput);
        Assert.Contains("23 alarm(s), first alarm tick 36007, attack onset tick 36007, detection delay 0 ticks, alarms before onset 0", result.StandardOutput);
        Assert.Contains("    36007 17818.385 ALARM\n", result.StandardOutput);
        Assert.Contains("    36006 5.893\n", result.StandardOutput);
    }

    [Fact]
    public void Json_is_byte_identical_whatever_the_culture_timezone_or_home_and_the_default_reference_is_the_sibling_baseline()
    {
        using var temp = new TempFolder();
        var ddos = temp.Copy(Ddos);
        temp.Copy(Baseline);
        var plain = MvpsProcess.Run("analyze", ddos, "--reference", temp.File("mvps_baseline.pcap"), "--json");
        var perturbed = MvpsProcess.Run(
            new Dictionary<string, string>
            {
                ["TZ"] = "Pacific/Chatham",
                ["LC_ALL"] = "tr_TR.UTF-8",
                ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0",
                ["HOME"] = temp.Path,
                ["DOTNET_EnableHWIntrinsic"] = "0",
            },
            "analyze", ddos, "--json");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(plain.StandardOutput, perturbed.StandardOutput);
        Assert.EndsWith("}\n", plain.StandardOutput);
        Assert.DoesNotContain("\r", plain.StandardOutput);
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash()
    {
        var fromFile = MvpsProcess.Run("analyze", Ddos, "--reference", Baseline, "--json");
        var fromStdin = ExternalProgram.Run(
            "sh",
            ["-c", $"dotnet '{Path.Combine(AppContext.BaseDirectory, "mvps.dll")}' analyze - --reference '{Baseline}' --json < '{Ddos}'"],
            workingDirectory: Environment.CurrentDirectory);
        Assert.Equal(0, fromStdin.ExitCode);
        Assert.Equal(fromFile.StandardOutput.Replace(JsonEncodedText.Encode(Ddos).ToString(), "-", StringComparison.Ordinal), fromStdin.StandardOutput);
    }

    [Fact]
    public void An_eight_vantage_bundle_shows_which_vantages_the_attack_reached()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, MvpsProcess.Run("generate", "--out", temp.Path, "--vantages", "8", "--quiet").ExitCode);
        Assert.False(File.Exists(temp.File("mvps_pcap_receipt.json")));
        var result = MvpsProcess.Run("analyze", temp.File("mvps_ddos.pcap"), "--json");
        Assert.Equal(0, result.ExitCode);
        var capture = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("captures")[0];
        var sessions = capture.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal([10, 11, 12, 13, 14, 15, 16, 17], sessions.Select(s => s.GetProperty("vantageId").GetInt32()));
        foreach (var session in sessions)
        {
            var reached = session.GetProperty("vantageId").GetInt32() % 2 == 0; // vantages 0, 2, 4, 6: ids 10, 12, 14, 16
            Assert.Equal(0, session.GetProperty("alarmsBeforeOnset").GetInt64());
            if (reached)
            {
                Assert.Equal(36007, session.GetProperty("firstAlarmTick").GetInt64());
            }
            else
            {
                Assert.Equal(0, session.GetProperty("alarms").GetInt64());
            }
        }

        var bundle = capture.GetProperty("bundle");
        Assert.Equal(36007, bundle.GetProperty("firstAlarmTick").GetInt64());
        foreach (var tick in bundle.GetProperty("perTick").EnumerateArray())
        {
            Assert.Equal(tick.GetProperty("tick").GetInt64() >= 36007 && tick.GetProperty("alarmedVantages").GetInt32() > 0, tick.GetProperty("alarm").GetBoolean());
        }
    }

    [Fact]
    public void One_vantage_is_the_default_and_keeps_the_evidence_byte_for_byte()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, MvpsProcess.Run("generate", "--out", temp.Path, "--vantages", "1", "--quiet").ExitCode);
        foreach (var file in new[] { "mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json" })
        {
            Assert.Equal(File.ReadAllBytes(MvpsProcess.Evidence(file)), File.ReadAllBytes(temp.File(file)));
        }
    }

    [Theory]
    [InlineData("--alpha", "0")]
    [InlineData("--alpha", "0.7")]
    [InlineData("--vantages", "11")]
    public void Bad_parameters_exit_2_with_one_line(string option, string value)
    {
        using var temp = new TempFolder();
        var result = option == "--vantages"
            ? MvpsProcess.Run("generate", "--out", temp.Path, option, value)
            : MvpsProcess.Run("analyze", Ddos, "--reference", Baseline, option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.Contains(option + " " + value, result.StandardError);
    }

    [Fact]
    public void A_reference_too_small_or_missing_is_unusable_input()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, MvpsProcess.Run("generate", "--out", temp.Path, "--frames", "5", "--regime", "baseline", "--quiet").ExitCode);
        var tooSmall = MvpsProcess.Run("analyze", Ddos, "--reference", temp.File("mvps_baseline.pcap"));
        Assert.Equal(2, tooSmall.ExitCode);
        Assert.Contains("5 reference frame(s): at least 6 are needed", tooSmall.StandardError);

        var lonely = temp.Copy(Ddos, "lonely.pcap");
        File.Delete(temp.File("mvps_baseline.pcap"));
        var missing = MvpsProcess.Run("analyze", lonely);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("give --reference", missing.StandardError);

        var noFile = MvpsProcess.Run("analyze", temp.File("nothing.pcap"), "--reference", Baseline);
        Assert.Equal(2, noFile.ExitCode);
        Assert.Contains("nothing.pcap: no such file", noFile.StandardError);
    }
}
