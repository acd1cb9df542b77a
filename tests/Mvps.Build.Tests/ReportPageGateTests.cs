namespace Mvps.Build.Tests;

/// <summary>
/// Each evidence run's report page and analysis JSON are compared run against run: one changed character in a page
/// (a D² printed one ulp off) is a difference naming the file and the line.
/// </summary>
public sealed class ReportPageGateTests
{
    [Fact]
    public void The_run_comparison_covers_the_page_and_the_analysis_and_names_a_changed_line()
    {
        using var folders = new ComparedFolders();
        Assert.Equal(["mvps_analysis.json", "mvps_report.html"], RunFolder.ReportFiles);
        const string page = "<!DOCTYPE html>\n<td data-d2=\"17818.385192384405\">17818.385</td>\n</html>\n";
        foreach (var folder in folders.Both)
        {
            File.WriteAllText(Path.Combine(folder, "mvps_report.html"), page);
            File.WriteAllText(Path.Combine(folder, "mvps_analysis.json"), "{}\n");
        }

        Assert.Empty(OutputComparison.Compare(folders.First, folders.Second, RunFolder.ReportFiles));
        File.WriteAllText(Path.Combine(folders.Second, "mvps_report.html"), page.Replace("17818.385192384405", "17818.385192384407", StringComparison.Ordinal));

        var difference = Assert.Single(OutputComparison.Compare(folders.First, folders.Second, RunFolder.ReportFiles));
        Assert.StartsWith("mvps_report.html: line 2", difference);

        File.Delete(Path.Combine(folders.Second, "mvps_analysis.json"));
        Assert.Contains(OutputComparison.Compare(folders.First, folders.Second, RunFolder.ReportFiles), d => d.StartsWith("mvps_analysis.json: only in", StringComparison.Ordinal));
    }
}
