using Mvps.Build.Determinism;
using Mvps.Build.Engine;
using Mvps.Evidence.Analysis;

/// <summary>
/// The evidence report page (docs/analysis.md): `mvps report` writes one self-contained HTML file. Every evidence run
/// writes it (and the analysis JSON) into its run folder with the run's own generator, so the gate compares the page
/// byte for byte like the captures; Report writes artifacts/report/index.html, with the determinism matrix of the
/// runs when Evidence ran in the same build; Release signs the page as a subject.
/// </summary>
internal sealed partial class Build
{
    private AbsolutePath ReportDirectory => ArtifactsDirectory / "report";

    private Target Report => _ => _
        .Description("Writes the evidence report page artifacts/report/index.html beside copies of the files it links to; after Evidence with the determinism matrix of its runs.")
        .DependsOn(Compile)
        .After(Evidence)
        .TriggeredBy(Evidence)
        .Executes(() =>
        {
            // Files are replaced, the folder is kept: the browser test keeps its screenshot here.
            Directory.CreateDirectory(ReportDirectory);
            foreach (var name in RunFolder.EvidenceFiles)
            {
                File.Copy(EvidenceDirectory / name, ReportDirectory / name, overwrite: true);
            }

            // The matrix only for runs this build made: an earlier build's artifacts/runs must not look current.
            var evidenceRan = ExecutionPlan.Any(target => target.Name == nameof(Evidence) && target.Status == ExecutionStatus.Succeeded);
            var runs = evidenceRan
                ? EvidenceRun.Known.Where(run => Directory.Exists(RunDirectory(run))).Select(run => $"{run.Name}={RunDirectory(run)}").ToList()
                : [];
            List<string> arguments = ["report", "--evidence", ReportDirectory, "--out", ReportDirectory / "index.html"];
            foreach (var run in runs)
            {
                arguments.AddRange(["--run", run]);
            }

            // The runs this machine did not make are rows of the matrix too, with what would make them.
            var notRun = evidenceRan ? Selection.NotRunHere : [];
            foreach (var item in notRun)
            {
                arguments.AddRange(["--not-run", $"{item.Run.Name}={item.Reason}{(item.InstallLine is null ? "" : $"; install: {item.InstallLine}")}"]);
            }

            RunMvps([.. arguments]);
            ReportSummary($"artifacts/report/index.html{(runs.Count > 0 ? $" with the matrix of {runs.Count} run(s){(notRun.Count > 0 ? $" and {notRun.Count} not run here" : "")}" : "")}");
        });
}
