using Mvps.Build.Engine;

namespace Mvps.Build.Determinism;

/// <summary>
/// When two compiles differ, diffoscope (Debian package diffoscope) says where: it unpacks a .nupkg entry by
/// entry and disassembles an assembly, so its report names the differing entry and member. One text and one
/// HTML report per differing file, kept for the reviewer (artifacts/reproduce/diffoscope/).
/// </summary>
internal static class DiffoscopeReport
{
    public const string Tool = "diffoscope";

    /// <summary>At most this many files get a report: one differing input usually makes every output differ.</summary>
    private const int MaxReports = 5;

    /// <summary>Writes the reports; returns one log line per report written, or why none could be.</summary>
    public static IReadOnlyList<string> Write(string expectedFolder, string actualFolder, IEnumerable<string> differingFiles, string reportFolder)
    {
        if (!ToolOnPath.Exists(Tool))
        {
            return [$"{Tool} is not on PATH, so the differences are not explained entry by entry (install: apt-get install -y diffoscope)"];
        }

        Directory.CreateDirectory(reportFolder);
        var lines = new List<string>();
        foreach (var name in differingFiles.Order(StringComparer.Ordinal).Take(MaxReports))
        {
            var stem = Path.Combine(reportFolder, name.Replace('/', '_'));
            // Exit code 1 means "the files differ", which is expected here; 2 and more are diffoscope's own errors.
            var result = ProcessTasks.StartProcess(
                Tool,
                ["--text", stem + ".txt", "--html", stem + ".html", "--no-progress", Path.Combine(expectedFolder, name), Path.Combine(actualFolder, name)],
                throwOnFailure: false,
                logOutput: false);
            lines.Add(result.ExitCode <= 1
                ? $"{name}: diffoscope report {stem}.txt (and .html)"
                : $"{name}: diffoscope failed with exit code {result.ExitCode}: {result.StandardError.Split('\n').FirstOrDefault(line => line.Length > 0)}");
        }

        return lines;
    }
}
