using System.Text.RegularExpressions;
using Mvps.Tool.Report;

namespace Mvps.Tool.Tests;

/// <summary>The report page and its SVG writer: self-contained, reproducible, and numerically what the analysis says.</summary>
public sealed partial class ReportPageTests
{
    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(10.0, 1.0)]
    [InlineData(2.0, 0.30102999566398120)]
    [InlineData(29.532095683158850, 1.4702942668546053)]
    [InlineData(2574297.7776, 6.4106587817636305)]
    [InlineData(1e-300, -300.0)]
    public void Log10_from_basic_operations_agrees_with_the_library_to_a_few_ulps(double x, double expected)
    {
        var actual = BasicMath.Log10(x);
        Assert.True(Math.Abs(actual - expected) <= 4e-16 * Math.Max(1, Math.Abs(expected)), $"log10({x:R}) = {actual:R}, expected {expected:R}");
        Assert.True(Math.Abs(actual - Math.Log10(x)) <= 4e-16 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void Symmetric_log_is_odd_linear_near_zero_and_refuses_non_positive_log_arguments()
    {
        Assert.Equal(0, BasicMath.SymmetricLog(0, 1000));
        Assert.Equal(-BasicMath.SymmetricLog(5000, 1000), BasicMath.SymmetricLog(-5000, 1000));
        Assert.Equal(BasicMath.Log10(2), BasicMath.SymmetricLog(1000, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => BasicMath.Log10(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BasicMath.Log10(double.NaN));
    }

    [Fact]
    public void A_chart_series_has_one_circle_per_point_escapes_text_and_prints_fixed_coordinates()
    {
        var chart = new SvgChart("c", "a <title> & more", 100, 0, 10, v => v, 0, 1);
        chart.Series("s", "css", [(0, 0, "tip <0>"), (5, 0.5, "b"), (10, 1, "c")]);
        var svg = chart.ToSvg();
        Assert.Contains("data-points=\"3\"", svg);
        Assert.Equal(3, Regex.Matches(svg, "<circle ").Count);
        Assert.Contains("a &lt;title&gt; &amp; more", svg);
        Assert.Contains("tip &lt;0&gt;", svg);
        Assert.DoesNotContain("<title> &", svg);
        Assert.Contains("<circle cx=\"78\" cy=\"74\"", svg);   // x = left margin, y = plot bottom (100 − 26)
        Assert.Contains("<circle cx=\"748\" cy=\"22\"", svg);  // x = 760 − 12, y = top margin
        Assert.Equal(svg, Rebuild());

        static string Rebuild()
        {
            var again = new SvgChart("c", "a <title> & more", 100, 0, 10, v => v, 0, 1);
            again.Series("s", "css", [(0, 0, "tip <0>"), (5, 0.5, "b"), (10, 1, "c")]);
            return again.ToSvg();
        }
    }

    [Fact]
    public void The_page_is_self_contained_reproducible_and_independent_of_culture_and_folder()
    {
        using var temp = new TempFolder();
        var evidence = temp.Sub("ev");
        foreach (var file in new[] { "mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json" })
        {
            File.Copy(MvpsProcess.Evidence(file), Path.Combine(evidence, file));
        }

        var first = MvpsProcess.Run("report", "--evidence", Path.GetDirectoryName(MvpsProcess.Evidence("mvps_ddos.pcap"))!, "--out", temp.File("a.html"), "--analysis-json", temp.File("a.json"));
        var second = MvpsProcess.Run(
            new Dictionary<string, string> { ["TZ"] = "Asia/Kathmandu", ["LC_ALL"] = "tr_TR.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0", ["HOME"] = temp.Path },
            "report", "--evidence", evidence, "--out", temp.File("b.html"), "--analysis-json", temp.File("b.json"));
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var page = File.ReadAllBytes(temp.File("a.html"));
        Assert.Equal(page, File.ReadAllBytes(temp.File("b.html")));
        Assert.Equal(File.ReadAllBytes(temp.File("a.json")), File.ReadAllBytes(temp.File("b.json")));

        var html = File.ReadAllText(temp.File("a.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\r", html);
        Assert.DoesNotContain("@font-face", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain(temp.Path, html);
        Assert.Contains("default-src 'none'", html);

        // What the page states is what the analysis says.
        Assert.Equal(8, Regex.Matches(html, "<svg id=\"chart-").Count);
        TextAssert.ContainsAll(html,
            "<b>23 alarm(s)</b>, attack onset at tick 36007, first alarm 0 tick(s) after it, 0 alarm(s) before it",
            "<b>0 alarm(s)</b>",
            "data-d2=\"17818.385",
            "T²crit 29.532",
            ">mvps_baseline.pcap</a></td><td class=\"num\">3,804</td>",
            "sha256sum mvps_baseline.pcap mvps_ddos.pcap",
            "<span class=\"f8\" title=\"74: magic &quot;COHE&quot; 0x434f4845\">43</span>");
        Assert.DoesNotContain("id=\"determinism\"", html);
    }

    [Fact]
    public void With_runs_the_page_has_the_determinism_matrix_and_says_when_a_run_differs()
    {
        using var temp = new TempFolder();
        var evidence = Path.GetDirectoryName(MvpsProcess.Evidence("mvps_ddos.pcap"))!;
        var a = temp.Sub("a");
        var b = temp.Sub("b");
        foreach (var run in new[] { a, b })
        {
            foreach (var file in new[] { "mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json" })
            {
                File.Copy(MvpsProcess.Evidence(file), Path.Combine(run, file));
            }

            Assert.Equal(0, MvpsProcess.Run("report", "--evidence", run, "--out", Path.Combine(run, "mvps_report.html"), "--analysis-json", Path.Combine(run, "mvps_analysis.json")).ExitCode);
        }

        Assert.Equal(0, MvpsProcess.Run("report", "--evidence", evidence, "--out", temp.File("same.html"), "--run", "a=" + a, "--run", "b=" + b).ExitCode);
        var same = File.ReadAllText(temp.File("same.html"));
        Assert.Contains("2 runs × 5 files: all identical.", same);

        File.AppendAllText(Path.Combine(b, "mvps_report.html"), " ");
        Assert.Equal(0, MvpsProcess.Run("report", "--evidence", evidence, "--out", temp.File("differ.html"), "--run", "a=" + a, "--run", "b=" + b).ExitCode);
        Assert.Contains("2 runs × 5 files: DIFFERENT.", File.ReadAllText(temp.File("differ.html")));

        var bad = MvpsProcess.Run("report", "--evidence", evidence, "--out", temp.File("x.html"), "--run", "nofolder");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--run nofolder: give NAME=FOLDER", bad.StandardError);
    }

    [Fact]
    public void The_matrix_lists_each_runs_variations_and_the_runs_not_made_with_their_install_line()
    {
        using var temp = new TempFolder();
        var evidence = Path.GetDirectoryName(MvpsProcess.Evidence("mvps_ddos.pcap"))!;
        var run = temp.Sub("reprotest");
        foreach (var file in new[] { "mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json" })
        {
            File.Copy(MvpsProcess.Evidence(file), Path.Combine(run, file));
        }

        File.WriteAllText(Path.Combine(run, "settings.json"), """
            {
              "run": "reprotest",
              "variations": ["time: the clock (faketime, months ahead) — faketime = +285days", "umask <0002>"],
              "notVaried": { "user_group": "no second local user to build as" }
            }
            """);

        var result = MvpsProcess.Run("report", "--evidence", evidence, "--out", temp.File("page.html"), "--run", "reprotest=" + run,
            "--not-run", "arm64=qemu-aarch64-static is missing; install: apt-get install qemu-user-static");
        Assert.Equal(0, result.ExitCode);
        var page = File.ReadAllText(temp.File("page.html"));
        TextAssert.ContainsAll(page,
            "<th>what it varied</th>",
            "time: the clock (faketime, months ahead) — faketime = +285days; umask &lt;0002&gt;; not varied here: user_group (no second local user to build as)",
            "<tr class=\"not-run\"><th>arm64</th>",
            "not run here: qemu-aarch64-static is missing; install: apt-get install qemu-user-static",
            "1 run not made on this machine: arm64.");

        File.WriteAllText(Path.Combine(run, "settings.json"), "{ not json");
        var bad = MvpsProcess.Run("report", "--evidence", evidence, "--out", temp.File("bad.html"), "--run", "reprotest=" + run);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("settings.json: not valid JSON", bad.StandardError);
        Assert.Single(bad.StandardError.Trim().Split('\n'));
    }
}
