using Mvps.Build.Determinism;
using Mvps.Build.Engine;

/// <summary>
/// The approval snapshots of every frame (tests/Mvps.Evidence.Tests/Evidence/Approved), checked by the build on
/// every run's captures; and Accept, the one deliberate way to change the evidence and what quotes it.
/// </summary>
internal sealed partial class Build
{
    private AbsolutePath ApprovalDirectory => RootDirectory / "tests" / "Mvps.Evidence.Tests" / "Evidence" / "Approved";

    private Target Snapshot => _ => _
        .Description("Snapshot-tests every frame's payload and frame SHA-256 of every run against the committed approvals; a mismatch fails naming the approved file and leaves the *.received.txt beside it.")
        .DependsOn(Receipt)
        .Executes(() =>
        {
            var runs = SelectedRuns.Select(run => (run.Name, (string)(RunDirectory(run)))).ToList();
            var problems = FrameHashApprovals.Check(ApprovalDirectory, runs, RunFolder.CaptureFiles, path => Path.GetRelativePath(RootDirectory, path));
            StepSummary.AppendDifferences("Snapshot", problems);
            foreach (var problem in problems)
            {
                Log.Error(problem);
            }

            if (problems.Count > 0)
            {
                throw new BuildException($"approval mismatch: {problems[0]}");
            }

            ReportSummary($"{RunFolder.CaptureFiles.Count()} approvals × {runs.Count} run{(runs.Count == 1 ? "" : "s")} match, every frame's payload and frame hash");
        });

    private Target Accept => _ => _
        .Description("The one deliberate way to change the evidence: regenerates evidence/, writes the frame-hash approvals from it (promoting any other *.received.txt), and rewrites the docs' quotes of evidence values (hashes, the regimes table, the frame-0 hex dump).")
        .DependsOn(Compile)
        .Executes(() =>
        {
            RunMvps("generate", "--out", EvidenceDirectory, "--quiet");
            var approvals = FrameHashApprovals.Approve(ApprovalDirectory, EvidenceDirectory, RunFolder.CaptureFiles);
            // Any other approval test that left a received file (the frame-hash ones were just rewritten).
            var promoted = 0;
            foreach (var received in Directory.GetFiles(RootDirectory / "tests", "*.received.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var approved = received[..^".received.txt".Length] + ".approved.txt";
                File.Move(received, approved, overwrite: true);
                Log.Information($"approved {Path.GetRelativePath(RootDirectory, approved)}");
                promoted++;
            }

            var docs = EvidenceQuotes.Rewrite(RootDirectory, EvidenceDirectory);
            foreach (var doc in docs)
            {
                Log.Information($"rewrote the evidence values quoted in {doc}");
            }

            ReportSummary($"evidence/ regenerated, {approvals.Count} frame-hash approvals written, {promoted} other approval(s) promoted, {docs.Count} doc(s) rewritten");
        });
}
