using System.Diagnostics;
using System.Globalization;
using Mvps.Build.Determinism;
using Mvps.Build.Engine;
using Mvps.Evidence.Receipt;

/// <summary>
/// The evidence pipeline, one verb per target: Generate (run a) → GenerateVariant (the other runs) → Diff
/// (every run and evidence/, byte for byte) → Receipt (schema and captures of every run's receipt) → Snapshot
/// (every frame's hashes against the committed approvals) → Evidence (the aggregate, with Reproduce).
/// </summary>
internal sealed partial class Build
{
    [Parameter("Evidence runs: auto (default) makes every run this machine can and names the others with their install line; on a build server (CI, GITHUB_ACTIONS, TF_BUILD) every run this platform can make is required. all requires every run. Or names: a (plain), b (other working directory, TZ, culture, HOME, umask; JIT without tiering and without SIMD), arm64 (linux-arm64 under qemu-aarch64-static), aot (NativeAOT), net8 (the tool built for net8.0 on the .NET 8 runtime), reprotest (Debian's reprotest varies time, directory order, kernel, host name, ...). Run a is always made.")]
    private readonly string[] Runs = [RunSelection.AutoValue];

    private AbsolutePath RunsDirectory => ArtifactsDirectory / "runs";

    /// <summary>Where a run writes its files: artifacts/runs/NAME.</summary>
    private AbsolutePath RunDirectory(EvidenceRun run) => RunsDirectory / run.Name;

    private AbsolutePath EvidenceDirectory => RootDirectory / "evidence";

    private GeneratorBuilds? _generators;

    /// <summary>Builds (or reuses) each run's generator: the compiled tool, or a publish for arm64, NativeAOT or .NET 8.</summary>
    private GeneratorBuilds Generators => _generators ??= new(RootDirectory, TemporaryDirectory, Configuration, CompiledTool, () => WorkingTreeDigest, () => SdkVersion);

    private RunSelection? _runSelection;

    /// <summary>What the reprotest run varied, for the summary (null unless it ran).</summary>
    private string? _reprotestSummary;

    /// <summary>The runs of this build, decided once from --runs, the build server detection and this machine's facts.</summary>
    private RunSelection Selection => _runSelection ??= RunSelection.Resolve(Runs, IsServerBuild, HostFacts.Current(Arm64Sysroot.IsComplete(Generators.Arm64SysrootDirectory)));

    private IReadOnlyList<EvidenceRun> SelectedRuns => Selection.Runs;

    private Target SelectRuns => _ => _
        .Description("Decides which evidence runs this build makes (--runs auto, all or names) and names every other with its install line; on a build server or with --runs all every run is required. Prints the selection and stops when run alone.")
        .Before(Compile)
        .Executes(() =>
        {
            var selection = Selection;
            Log.Information(selection.Heading(IsServerBuild));
            selection.Runs.ToList().ForEach(run => Log.Information($"  run {run.Name}: made here"));
            selection.NotRunHere.ToList().ForEach(item => Log.Warning($"  run {item.Run.Name}: not run here: {item.Explained}"));
            selection.Missing.ToList().ForEach(item => Log.Error($"  run {item.Run.Name}: required but cannot be made here: {item.Explained}"));
            StepSummary.AppendList("Evidence runs", selection.SummaryItems());
            ReportSummary(selection.Describe());
            ReportFinalLine($"Evidence runs{(selection.Failed ? " (strict, failed)" : "")}: {selection.Describe()}");
            if (selection.Failed)
            {
                throw new BuildException(selection.FailureMessage(IsServerBuild));
            }
        });

    private Target Generate => _ => _
        .Description("Generates both captures and the receipt once (run a) into artifacts/runs/a, with settings.json and SHA256SUMS.")
        .DependsOn(Compile)
        .Executes(() =>
        {
            RunFolder.Make(EvidenceRun.Plain, CompiledTool, RunDirectory(EvidenceRun.Plain), RootDirectory, TemporaryDirectory);
            ReportSummary($"run {EvidenceRun.Plain.Name}: {RunFolder.FrameCount(RunDirectory(EvidenceRun.Plain))} frames");
        });

    private Target GenerateVariant => _ => _
        .Description("Generates the other runs of --runs (b: settings variant, arm64: another ISA under qemu, aot: NativeAOT, net8: the .NET 8 runtime) into artifacts/runs/NAME, each with the settings.json it ran under. A run whose tools are missing fails with the install command.")
        .DependsOn(Generate, SelectRuns)
        .Executes(() =>
        {
            // Only this build's runs may be in artifacts/runs: a run that is not selected must not leave an
            // earlier result looking current.
            var selected = SelectedRuns;
            foreach (var stale in (Directory.Exists(RunsDirectory) ? Directory.GetDirectories(RunsDirectory) : [])
                         .Where(path => selected.All(run => run.Name != Path.GetFileName(path))))
            {
                Directory.Delete(stale, recursive: true);
            }

            // SelectRuns decided which runs this machine makes; a strict build that lacks one has failed there already.
            if (Selection.Failed)
            {
                throw new BuildException(Selection.FailureMessage(IsServerBuild));
            }

            var made = new List<string>();
            foreach (var run in selected.Where(run => run != EvidenceRun.Plain))
            {
                var stopwatch = Stopwatch.StartNew(); // build log only: durations are never written into an output
                if (run.Kind == EvidenceRunKind.Reprotest)
                {
                    _reprotestSummary = ReprotestRun.Make(run, RunDirectory(run), Path.GetDirectoryName((string)MvpsDll)!, TemporaryDirectory);
                }
                else
                {
                    RunFolder.Make(run, Generators.Prepare(run), RunDirectory(run), RootDirectory, TemporaryDirectory);
                }

                Log.Information($"run {run.Name}: made in {stopwatch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
                made.Add(run.Name);
            }

            var notRun = Selection.NotRunHere.Count == 0 ? "" : "; not run here: " + string.Join(", ", Selection.NotRunHere.Select(item => item.Run.Name));
            ReportSummary((made.Count == 0 ? "no other runs" : $"runs {string.Join(" ", made)}") + notRun + (_reprotestSummary is null ? "" : "; " + _reprotestSummary));
        });

    private Target Diff => _ => _
        .Description("Compares every run with run a and run a with evidence/, byte for byte; a difference is named by file, frame and decoded field (captures) or line (receipt).")
        .DependsOn(GenerateVariant)
        .Executes(() =>
        {
            var runs = SelectedRuns;
            var differences = new List<string>();
            var reference = EvidenceRun.Plain.Name;
            foreach (var run in runs.Where(run => run != EvidenceRun.Plain))
            {
                differences.AddRange(OutputComparison.Compare(RunDirectory(EvidenceRun.Plain), RunDirectory(run), [.. RunFolder.EvidenceFiles, .. RunFolder.ReportFiles])
                    .Select(difference => $"run {run.Name} vs run {reference}: {difference}"));
            }

            differences.AddRange(OutputComparison.Compare(EvidenceDirectory, RunDirectory(EvidenceRun.Plain), RunFolder.EvidenceFiles)
                .Select(difference => $"run {reference} vs committed evidence/: {difference}"));
            StepSummary.AppendDifferences("Diff", differences);
            foreach (var difference in differences)
            {
                Log.Error(difference);
            }

            if (differences.Count > 0)
            {
                throw new BuildException($"{differences.Count} difference(s): the evidence is not reproducible (or evidence/ is stale: `./build.sh Accept` regenerates it deliberately).");
            }

            var settings = runs.Select(run => File.ReadAllText(RunDirectory(run) / RunSettingsFile.FileName)).Distinct(StringComparer.Ordinal).Count();
            var isas = runs.Select(run => run.InstructionSet).Distinct(StringComparer.Ordinal).Count();
            var runtimes = runs.Select(run => run.Runtime).Distinct(StringComparer.Ordinal).Count();
            ReportSummary($"{runs.Count} run{(runs.Count == 1 ? "" : "s")} ({string.Join(" ", runs.Select(run => run.Name))}), {settings} settings, {isas} ISA{(isas == 1 ? "" : "s")}, {runtimes} runtime{(runtimes == 1 ? "" : "s")}, identical to evidence/");
        });

    private Target Receipt => _ => _
        .Description("Validates every run's receipt against evidence/receipt.schema.json and checks the captures frame by frame against the receipt (mvps verify --receipt; on run a, which Diff has shown every other run to equal byte for byte).")
        .DependsOn(Diff)
        .Executes(() =>
        {
            var schema = ReceiptSchemaCheck.Load(EvidenceDirectory / ReceiptWriter.SchemaFileName);
            var problems = new List<string>();
            foreach (var run in SelectedRuns)
            {
                var folder = RunDirectory(run);
                problems.AddRange(ReceiptSchemaCheck.Problems(schema, folder / ReceiptWriter.FileName));
            }

            // Diff ran first: every run's three files equal run a's byte for byte, so one verification covers all.
            var runA = RunDirectory(EvidenceRun.Plain);
            // Identical bytes are not yet checked bytes: run a must pass the tool's strict check against its own receipt.
            RunMvps(["verify", "--strict", .. RunFolder.CaptureFiles.Select(name => (string)(runA / name)), "--receipt", runA / ReceiptWriter.FileName, "--quiet"]);

            foreach (var problem in problems)
            {
                Log.Error(problem);
            }

            if (problems.Count > 0)
            {
                throw new BuildException($"{problems.Count} receipt schema violation(s), first: {problems[0]}");
            }

            ReportSummary($"{SelectedRuns.Count} receipt(s) schema-valid, captures verified frame by frame against the receipt");
        });

    private Target Evidence => _ => _
        .Description("The evidence gate: Generate, GenerateVariant, Diff, Receipt and Snapshot for every run of --runs, and Reproduce (the codec compiles reproducibly, --reproduce-codec).")
        .DependsOn(Snapshot, Reproduce)
        .Executes(() =>
        {
            // One line nobody can mistake for CI's full gate: how many of the known runs were made, and which were not.
            var description = Selection.Describe();
            ReportSummary($"{RunFolder.FrameCount(RunDirectory(EvidenceRun.Plain))} frames, identical to evidence/ and the approvals: {description}");
            ReportFinalLine("Evidence: " + description + (_reprotestSummary is null ? "" : "; " + _reprotestSummary));
        });

    /// <summary>
    /// On a build server (CI, TF_BUILD or GITHUB_ACTIONS set) `Test` also runs the whole Evidence gate first, so CI
    /// checks every run and the codec's reproducibility; a local `./build.sh Test` stays fast (skip it on a server
    /// with --skip EvidenceOnServer).
    /// </summary>
    private Target EvidenceOnServer => _ => _
        .Description("On a build server, runs Evidence before Test (local builds skip it).")
        .DependsOn(Evidence)
        .DependentFor(Test)
        .OnlyWhenStatic(() => IsServerBuild)
        .Unlisted();
}
