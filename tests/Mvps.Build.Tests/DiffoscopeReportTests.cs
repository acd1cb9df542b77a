using System.IO.Compression;

namespace Mvps.Build.Tests;

/// <summary>Sabotage of a Reproduce output: two packages that differ in one entry get a diffoscope report naming that entry.</summary>
public sealed class DiffoscopeReportTests
{
    [ToolFact("diffoscope")]
    public void A_package_differing_in_one_entry_gets_text_and_html_reports_naming_it()
    {
        using var one = new TempFolder();
        using var two = new TempFolder();
        using var reports = new TempFolder();
        WritePackage(one.File("mvps.1.0.0.nupkg"), "tools/net10.0/any/mvps.runtimeconfig.json", "{\"a\":1}\n");
        WritePackage(two.File("mvps.1.0.0.nupkg"), "tools/net10.0/any/mvps.runtimeconfig.json", "{\"a\":2}\n");

        var differing = BuildOutputComparison.DifferingFiles(one.Path, two.Path);
        var lines = DiffoscopeReport.Write(one.Path, two.Path, differing, reports.Path);

        Assert.Equal(["mvps.1.0.0.nupkg"], differing);
        Assert.StartsWith("mvps.1.0.0.nupkg: diffoscope report ", Assert.Single(lines));
        var text = File.ReadAllText(reports.File("mvps.1.0.0.nupkg.txt"));
        Assert.Contains("── tools/net10.0/any/mvps.runtimeconfig.json", text); // the differing entry, by name
        Assert.Contains("+    \"a\": 2", text);
        Assert.True(new FileInfo(reports.File("mvps.1.0.0.nupkg.html")).Length > 0);
    }

    private static void WritePackage(string path, string entryName, string content)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in new[] { ("mvps.nuspec", "<package/>\n"), (entryName, content) })
        {
            var entry = zip.CreateEntry(name);
            entry.LastWriteTime = new DateTimeOffset(2026, 5, 25, 0, 0, 0, TimeSpan.Zero);
            using var writer = new StreamWriter(entry.Open());
            writer.Write(text);
        }
    }
}
