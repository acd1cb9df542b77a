using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mvps.Build.Determinism;
using Mvps.Build.Engine;

internal sealed partial class Build
{
    private AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    private Target Test => _ => _
        .Description($"Runs the test projects of {Solution}; the last line says 'N passed, N failed'.")
        .DependsOn(Compile)
        .Executes(() =>
        {
            Directory.CreateDirectory(TestResultsDirectory);
            foreach (var stale in Directory.GetFiles(TestResultsDirectory, "*.trx"))
            {
                File.Delete(stale);
            }

            // One `dotnet test` per project: the trx logger has no per-assembly file name for a whole solution,
            // and one fixed LogFileName would be overwritten by each project.
            var trxFiles = new List<string>();
            foreach (var project in TestProjects())
            {
                var trxName = Path.GetFileNameWithoutExtension(project) + ".trx";
                new DotNet("test", project)
                {
                    NoBuild = true,
                    Configuration = Configuration,
                    Extra = ["--logger", $"trx;LogFileName={trxName}", "--results-directory", TestResultsDirectory],
                }.Run(RootDirectory, throwOnFailure: false); // the trx files say what failed
                trxFiles.Add(TestResultsDirectory / trxName);
            }

            var counts = TestCounts.FromTrxFiles(trxFiles);
            foreach (var skipped in counts.SkippedTests)
            {
                Log.Information($"SKIPPED {skipped}"); // the reason on the console, not only in the .trx
            }

            foreach (var name in counts.FailedTests)
            {
                Log.Information($"FAILED {name}");
            }

            var line = counts.ToString();
            Log.Information(line);
            ReportSummary(line);
            ReportFinalLine(line); // and the build's very last line, after the summary table
            if (counts.Failed > 0 || counts.Total == 0)
            {
                throw new BuildException(counts.Total == 0 ? "No tests ran." : $"{counts.Failed} test(s) failed.");
            }
        });

    /// <summary>Projects of the solution that declare IsTestProject, sorted by path.</summary>
    private IReadOnlyList<string> TestProjects()
    {
        var solutionText = File.ReadAllText(RootDirectory / Solution);
        return Regex.Matches(solutionText, "\"([^\"]+\\.csproj)\"")
            .Select(match => Path.GetFullPath(Path.Combine(RootDirectory, match.Groups[1].Value.Replace('\\', '/'))))
            .Where(path => File.Exists(path) && File.ReadAllText(path).Contains("<IsTestProject>true</IsTestProject>", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Outcome counts over TRX files (VSTest's results format).</summary>
    internal sealed record TestCounts(int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedTests, IReadOnlyList<string> SkippedTests)
    {
        private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

        public int Total => Passed + Failed + Skipped;

        public static TestCounts FromTrxFiles(IEnumerable<string> paths)
        {
            int passed = 0, failed = 0, skipped = 0;
            var failedTests = new List<string>();
            var skippedTests = new List<string>();
            foreach (var path in paths.Where(File.Exists))
            {
                foreach (var result in XDocument.Load(path).Descendants(Trx + "UnitTestResult"))
                {
                    switch ((string?)result.Attribute("outcome"))
                    {
                        case "Passed":
                            passed++;
                            break;
                        case "NotExecuted":
                            skipped++;
                            var reason = result.Descendants(Trx + "Message").Select(message => message.Value.Trim()).FirstOrDefault(text => text.Length > 0) ?? "no reason given";
                            skippedTests.Add($"{(string?)result.Attribute("testName") ?? "(unnamed test)"}: {reason}");
                            break;
                        default: // Failed, Error, Timeout, Aborted, ...
                            failed++;
                            failedTests.Add((string?)result.Attribute("testName") ?? "(unnamed test)");
                            break;
                    }
                }
            }

            failedTests.Sort(StringComparer.Ordinal);
            skippedTests.Sort(StringComparer.Ordinal);
            return new TestCounts(passed, failed, skipped, failedTests, skippedTests);
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Passed} passed, {Failed} failed") +
            (Skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $", {Skipped} skipped") : "");
    }
}
