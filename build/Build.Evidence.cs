using Mvps.IO;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mvps.Build.Engine;
using Mvps.Evidence.Receipt;
using Mvps.Evidence.Regimes;

/// <summary>
/// The evidence pipeline, one verb per target: Generate (run a) → GenerateVariant (the other runs) → Diff
/// (every run and evidence/, byte for byte) → Receipt (schema and captures of every run's receipt) → Snapshot
/// (every frame's hashes against the committed approvals) → Evidence (the aggregate, with Reproduce).
/// </summary>
partial class Build
{
    /// <summary>The files `mvps generate` writes, i.e. what evidence/ must hold exactly; the names come from their owners.</summary>
    static readonly string[] EvidenceFiles = [.. RegimeProfile.All.Select(profile => profile.FileName), ReceiptWriter.FileName];

    static IEnumerable<string> CaptureFiles => RegimeProfile.All.Select(profile => profile.FileName);

    [Parameter("Evidence runs: auto (default) makes every run this machine can and names the others with their install line; on a build server (CI, GITHUB_ACTIONS, TF_BUILD) every run this platform can make is required. all requires every run. Or names: a (plain), b (other working directory, TZ, culture, HOME, umask; JIT without tiering and without SIMD), arm64 (linux-arm64 under qemu-aarch64-static), aot (NativeAOT), net8 (the tool built for net8.0 on the .NET 8 runtime), reprotest (Debian's reprotest varies time, directory order, kernel, host name, ...). Run a is always made.")]
    readonly string[] Runs = [RunSelection.AutoValue];

    AbsolutePath RunsDirectory => ArtifactsDirectory / "runs";

    AbsolutePath EvidenceDirectory => RootDirectory / "evidence";

    AbsolutePath MvpsDll => RootDirectory / "src" / "Mvps.Tool" / "bin" / Configuration.ToString() / "net10.0" / "mvps.dll";

    AbsolutePath Arm64SysrootDirectory => TemporaryDirectory / "arm64-sysroot";

    RunSelection? _runSelection;

    /// <summary>The runs of this build, decided once from --runs, the build server detection and this machine's facts.</summary>
    RunSelection Selection => _runSelection ??= RunSelection.Resolve(Runs, IsServerBuild, HostFacts.Current(Arm64Sysroot.IsComplete(Arm64SysrootDirectory)));

    IReadOnlyList<EvidenceRun> SelectedRuns => Selection.Runs;

    Target SelectRuns => _ => _
        .Description("Decides which evidence runs this build makes (--runs auto, all or names) and names every other with its install line; on a build server or with --runs all every run is required. Prints the selection and stops when run alone.")
        .Before(Compile)
        .Executes(() =>
        {
            var selection = Selection;
            Log.Information($"evidence runs ({(selection.Strict ? "strict" : "auto: what this machine can make")}{(IsServerBuild && selection.Mode == RunsMode.Auto ? ", build server" : "")}):");
            foreach (var run in selection.Runs)
            {
                Log.Information($"  run {run.Name}: made here");
            }

            foreach (var notRun in selection.NotRunHere)
            {
                Log.Warning($"  run {notRun.Run.Name}: not run here: {notRun.Reason}{(notRun.InstallLine is null ? "" : $" (install: {notRun.InstallLine})")}");
            }

            foreach (var missing in selection.Missing)
            {
                Log.Error($"  run {missing.Run.Name}: required but cannot be made here: {missing.Reason}{(missing.InstallLine is null ? "" : $" (install: {missing.InstallLine})")}");
            }

            StepSummary.AppendList("Evidence runs",
            [
                .. selection.Runs.Select(run => $"{run.Name}: made here"),
                .. selection.NotRunHere.Select(item => $"{item.Run.Name}: not run here — {item.Reason}{(item.InstallLine is null ? "" : $" (`{item.InstallLine}`)")}"),
                .. selection.Missing.Select(item => $"{item.Run.Name}: **required, missing** — {item.Reason}{(item.InstallLine is null ? "" : $" (`{item.InstallLine}`)")}"),
            ]);
            ReportSummary(selection.Describe());
            ReportFinalLine($"Evidence runs{(selection.Failed ? " (strict, failed)" : "")}: {selection.Describe()}");
            if (selection.Failed)
            {
                throw new BuildException(selection.FailureMessage(IsServerBuild));
            }
        });

    Target Generate => _ => _
        .Description("Generates both captures and the receipt once (run a) into artifacts/runs/a, with settings.json and SHA256SUMS.")
        .DependsOn(Compile)
        .Executes(() =>
        {
            MakeRun(EvidenceRun.Plain, new RunLauncher("dotnet", [MvpsDll], "dotnet src/Mvps.Tool/bin/" + Configuration + "/net10.0/mvps.dll"));
            ReportSummary($"run a: {FrameCount(RunsDirectory / "a")} frames");
        });

    Target GenerateVariant => _ => _
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
            foreach (var run in selected.Where(run => run.Name != "a"))
            {
                if (run.Kind == EvidenceRunKind.Reprotest)
                {
                    MakeReprotestRun(run);
                    made.Add(run.Name);
                    continue;
                }

                var launcher = PrepareLauncher(run);
                var stopwatch = Stopwatch.StartNew(); // build log only: durations are never written into an output
                MakeRun(run, launcher);
                Log.Information($"run {run.Name}: generate took {stopwatch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
                made.Add(run.Name);
            }

            var notRun = Selection.NotRunHere.Count == 0 ? "" : "; not run here: " + string.Join(", ", Selection.NotRunHere.Select(item => item.Run.Name));
            ReportSummary((made.Count == 0 ? "no other runs" : $"runs {string.Join(" ", made)}") + notRun + (_reprotestSummary is null ? "" : "; " + _reprotestSummary));
        });

    Target Diff => _ => _
        .Description("Compares every run with run a and run a with evidence/, byte for byte; a difference is named by file, frame and decoded field (captures) or line (receipt).")
        .DependsOn(GenerateVariant)
        .Executes(() =>
        {
            var runs = SelectedRuns;
            var differences = new List<string>();
            foreach (var run in runs.Where(run => run.Name != "a"))
            {
                differences.AddRange(OutputComparison.Compare(RunsDirectory / "a", RunsDirectory / run.Name, [.. EvidenceFiles, .. RunReportFiles])
                    .Select(difference => $"run {run.Name} vs run a: {difference}"));
            }

            differences.AddRange(OutputComparison.Compare(EvidenceDirectory, RunsDirectory / "a", EvidenceFiles)
                .Select(difference => $"run a vs committed evidence/: {difference}"));
            StepSummary.AppendDifferences("Diff", differences);
            foreach (var difference in differences)
            {
                Log.Error(difference);
            }

            if (differences.Count > 0)
            {
                throw new BuildException($"{differences.Count} difference(s): the evidence is not reproducible (or evidence/ is stale: `./build.sh Accept` regenerates it deliberately).");
            }

            var settings = runs.Select(run => File.ReadAllText(RunsDirectory / run.Name / "settings.json")).Distinct(StringComparer.Ordinal).Count();
            var isas = runs.Select(run => run.InstructionSet).Distinct(StringComparer.Ordinal).Count();
            var runtimes = runs.Select(run => run.Runtime).Distinct(StringComparer.Ordinal).Count();
            ReportSummary($"{runs.Count} run{(runs.Count == 1 ? "" : "s")} ({string.Join(" ", runs.Select(run => run.Name))}), {settings} settings, {isas} ISA{(isas == 1 ? "" : "s")}, {runtimes} runtime{(runtimes == 1 ? "" : "s")}, identical to evidence/");
        });

    Target Receipt => _ => _
        .Description("Validates every run's receipt against evidence/receipt.schema.json and checks the captures frame by frame against the receipt (mvps verify --receipt; on run a, which Diff has shown every other run to equal byte for byte).")
        .DependsOn(Diff)
        .Executes(() =>
        {
            var schema = ReceiptSchemaCheck.Load(EvidenceDirectory / ReceiptWriter.SchemaFileName);
            var problems = new List<string>();
            foreach (var run in SelectedRuns)
            {
                var folder = RunsDirectory / run.Name;
                problems.AddRange(ReceiptSchemaCheck.Problems(schema, folder / ReceiptWriter.FileName));
            }

            // Diff ran first: every run's three files equal run a's byte for byte, so one verification covers all.
            var runA = RunsDirectory / "a";
            // Identical bytes are not yet checked bytes: run a must pass the tool's strict check against its own receipt.
            RunMvps(["verify", "--strict", .. CaptureFiles.Select(name => (string)(runA / name)), "--receipt", runA / ReceiptWriter.FileName, "--quiet"]);

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

    Target Evidence => _ => _
        .Description("The evidence gate: Generate, GenerateVariant, Diff, Receipt and Snapshot for every run of --runs, and Reproduce (the codec compiles reproducibly, --reproduce-codec).")
        .DependsOn(Snapshot, Reproduce)
        .Executes(() =>
        {
            // One line nobody can mistake for CI's full gate: how many of the known runs were made, and which were not.
            var description = Selection.Describe();
            ReportSummary($"{FrameCount(RunsDirectory / "a")} frames, identical to evidence/ and the approvals: {description}");
            ReportFinalLine("Evidence: " + description + (_reprotestSummary is null ? "" : "; " + _reprotestSummary));
        });

    /// <summary>
    /// On a build server (CI, TF_BUILD or GITHUB_ACTIONS set) `Test` also runs the whole Evidence gate first, so CI
    /// checks every run and the codec's reproducibility; a local `./build.sh Test` stays fast (skip it on a server
    /// with --skip EvidenceOnServer).
    /// </summary>
    Target EvidenceOnServer => _ => _
        .Description("On a build server, runs Evidence before Test (local builds skip it).")
        .DependsOn(Evidence)
        .DependentFor(Test)
        .OnlyWhenStatic(() => IsServerBuild)
        .Unlisted();

    /// <summary>How to start a run's generator: the program, the arguments before `generate`, and how settings.json names it.</summary>
    sealed record RunLauncher(string Tool, IReadOnlyList<string> Arguments, string Description);

    /// <summary>Publishes the generator the way <paramref name="run"/> needs it (its prerequisites are checked).</summary>
    RunLauncher PrepareLauncher(EvidenceRun run)
    {
        switch (run.Kind)
        {
            case EvidenceRunKind.Jit:
                // The tool ships with invariant globalization, which would make the culture settings of this
                // run moot: here it runs with culture support switched back on, so a culture-dependent
                // format anywhere on the path to the output would show up as a difference.
                return new RunLauncher("dotnet", ["exec", "--runtimeconfig", WriteCultureRuntimeConfig(run), MvpsDll],
                    "dotnet exec --runtimeconfig <culture-enabled copy> src/Mvps.Tool/bin/" + Configuration + "/net10.0/mvps.dll");

            case EvidenceRunKind.Arm64Emulated:
                if (Arm64Sysroot.Ensure(Arm64SysrootDirectory) is { } problem)
                {
                    throw new BuildException($"run {run.Name}: {problem}");
                }

                Log.Information($"arm64 sysroot {Arm64SysrootDirectory}: {string.Join(", ", Arm64Sysroot.Contents(Arm64SysrootDirectory))}");
                var arm64 = PublishGenerator(run, "linux-arm64", nativeAot: false);
                return new RunLauncher(
                    Arm64Sysroot.Emulator,
                    ["-L", Arm64SysrootDirectory, arm64 / "mvps"],
                    $"{Arm64Sysroot.Emulator} -L .nuke/temp/arm64-sysroot .nuke/temp/publish/arm64/mvps (dotnet publish -r linux-arm64 --self-contained -p:PublishReadyToRun=true)");

            case EvidenceRunKind.NativeAot:
                var aot = PublishGenerator(run, HostRuntimeIdentifier, nativeAot: true);
                return new RunLauncher(aot / ExecutableName, [], $".nuke/temp/publish/aot/{ExecutableName} (dotnet publish -r {HostRuntimeIdentifier} -p:PublishAot=true)");

            case EvidenceRunKind.Net8Runtime:
                var net8 = PublishGenerator(run, HostRuntimeIdentifier, nativeAot: false, Net8Runtime.TargetFramework);
                var runtime = Net8Runtime.PublishedRuntime(net8);
                Log.Information($"run {run.Name}: runtime {runtime}");
                return new RunLauncher(net8 / ExecutableName, [],
                    $".nuke/temp/publish/net8/{ExecutableName} (dotnet publish -f {Net8Runtime.TargetFramework} -r {HostRuntimeIdentifier} --self-contained -p:{Net8Runtime.Property}=true; runtime {runtime})");

            default:
                throw new BuildException($"Run {run.Name}: unknown kind {run.Kind}.");
        }
    }

    /// <summary>
    /// Publishes src/Mvps.Tool for <paramref name="runtimeIdentifier"/> from a copy of the working tree under
    /// .nuke/temp/source-NAME: a RID-specific restore rewrites obj/project.assets.json and needs a lock file
    /// with that RID, neither of which may touch the repository's own tree (the copy restores unlocked).
    /// The publish is reused only when the fingerprint of everything that goes into it is unchanged.
    /// </summary>
    AbsolutePath PublishGenerator(EvidenceRun run, string runtimeIdentifier, bool nativeAot, string? targetFramework = null)
    {
        var source = TemporaryDirectory / ("source-" + run.Name);
        var output = TemporaryDirectory / "publish" / run.Name;
        var command = new DotNet("publish", source / "src" / "Mvps.Tool" / "Mvps.Tool.csproj")
        {
            Configuration = Configuration,
            Runtime = runtimeIdentifier,
            SelfContained = true,
            Output = output,
            // Not NativeAOT means ReadyToRun: the arm64 code is then compiled ahead of time by crossgen2 with the
            // same arm64 RyuJIT back end (hot methods are rejitted by it at tier 1), instead of being jitted under
            // qemu, which emulates the JIT itself: 5.4 s → 3.4 s per process, measured, and a run starts two.
            Properties = nativeAot ? [("RestoreLockedMode", "false"), ("PublishAot", "true")] : [("RestoreLockedMode", "false"), ("PublishReadyToRun", "true")],
        };
        if (targetFramework is not null)
        {
            // Only the net8 run builds the shipped projects for a second framework (src/Directory.Build.props),
            // and without ReadyToRun: it runs natively, and its point is the .NET 8 runtime's own JIT.
            command = command with { Framework = targetFramework, Properties = [("RestoreLockedMode", "false"), (Net8Runtime.Property, "true")] };
        }

        // The arguments name the copy's path, which is fixed per run: they stand for the parameters.
        var fingerprint = InputFingerprint.Combine(WorkingTreeDigest, ["publish", .. command.Arguments(), "sdk " + SdkVersion]);
        var stamp = TemporaryDirectory / "publish" / (run.Name + ".inputs");
        if (InputFingerprint.IsCurrent(stamp, fingerprint) && File.Exists(output / ExecutableName))
        {
            Log.Information($"run {run.Name}: publish for {runtimeIdentifier} reused, inputs unchanged (fingerprint {fingerprint[..16]})");
            return output;
        }

        InputFingerprint.Forget(stamp);
        SourceTreeCopy.Sync(RootDirectory, source);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var stopwatch = Stopwatch.StartNew();
        command.Run(source);
        InputFingerprint.Record(stamp, fingerprint);
        Log.Information($"run {run.Name}: publish for {runtimeIdentifier}{(nativeAot ? " (NativeAOT)" : "")} took {stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        return output;
    }

    /// <summary>The aot and net8 runs publish for this host and run natively ("linux-x64", "osx-arm64", "win-x64").</summary>
    static string HostRuntimeIdentifier => HostFacts.Current(arm64SysrootReady: false).RuntimeIdentifier;

    /// <summary>The published tool's file name on this host.</summary>
    static string ExecutableName => OperatingSystem.IsWindows() ? "mvps.exe" : "mvps";

    string? _workingTreeDigest;

    /// <summary>The content hash of the working tree, once per build: the shared part of every step's input fingerprint.</summary>
    string WorkingTreeDigest => _workingTreeDigest ??= InputFingerprint.TreeDigest(RootDirectory);

    string? _sdkVersion;

    /// <summary>The SDK that global.json selects: an input of every compile and publish.</summary>
    string SdkVersion => _sdkVersion ??= ProcessTasks.StartProcess("dotnet", ["--version"], RootDirectory, logOutput: false).StandardOutput.Trim();

    /// <summary>A copy of the tool's runtimeconfig.json with System.Globalization.Invariant off (ICU and the run's LANG decide the culture).</summary>
    string WriteCultureRuntimeConfig(EvidenceRun run)
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(MvpsDll, ".runtimeconfig.json")))!;
        var properties = config["runtimeOptions"]!["configProperties"]!.AsObject();
        properties["System.Globalization.Invariant"] = false;
        properties.Remove("System.Globalization.PredefinedCulturesOnly");
        var path = TemporaryDirectory / ("run-" + run.Name + ".runtimeconfig.json");
        AtomicFile.WriteAllText(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return path;
    }

    /// <summary>Runs `mvps generate` with a run's settings into artifacts/runs/NAME, then writes settings.json and SHA256SUMS.</summary>
    void MakeRun(EvidenceRun run, RunLauncher launcher)
    {
        var folder = RunsDirectory / run.Name;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var workingDirectory = run.OwnWorkingDirectory ? (string)(TemporaryDirectory / ("run-" + run.Name)) : RootDirectory;
        Directory.CreateDirectory(workingDirectory);
        var environment = run.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value.Replace("{temp}", workingDirectory, StringComparison.Ordinal));
        List<string> command = [.. launcher.Arguments, "generate", "--out", folder, "--quiet"];

        if (OperatingSystem.IsWindows())
        {
            // No umask on Windows (and no sh on PATH for certain): the tool is started directly.
            ProcessTasks.StartProcess(launcher.Tool, command, workingDirectory, environment);
        }
        else
        {
            // umask cannot be set for a child process from .NET: a shell sets it and execs the tool.
            ProcessTasks.StartProcess("sh", ["-c", $"umask {run.Umask} && exec \"$@\"", "sh", launcher.Tool, .. command], workingDirectory, environment);
        }

        MakeRunReport(launcher, folder, workingDirectory, environment, run.Umask);

        WriteSettings(folder / "settings.json", run, launcher.Description, workingDirectory == RootDirectory ? "repository root" : ".nuke/temp/run-" + run.Name,
            OperatingSystem.IsWindows() ? "not applicable (Windows)" : run.Umask, run.Variations);
        AtomicFile.WriteAllText(folder / Mvps.Release.ReleaseFileNames.Checksums, Mvps.Release.Sha256Sums.Format(Mvps.Release.Sha256Sums.Compute(folder, EvidenceFiles)));
    }

    /// <summary>
    /// settings.json of a run: what it varied, never compared. <paramref name="variations"/> is what the report page's run
    /// matrix lists; <paramref name="notVaried"/> (the reprotest run) names each variation that could not run here and why.
    /// </summary>
    static void WriteSettings(string path, EvidenceRun run, string generator, string workingDirectory, string umask, IReadOnlyList<string> variations,
        IReadOnlyDictionary<string, string>? notVaried = null, string? toolVersion = null)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping: settings.json is read by people (and the report page), never compared, never put in HTML unescaped.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("run", run.Name);
            json.WriteString("description", run.Description);
            json.WriteString("kind", run.Kind.ToString());
            json.WriteString("instructionSet", run.InstructionSet);
            json.WriteString("runtime", run.Runtime);
            json.WriteString("generator", generator);
            if (toolVersion is not null)
            {
                json.WriteString("generatorVersion", toolVersion);
            }

            json.WriteString("workingDirectory", workingDirectory);
            json.WriteString("umask", umask);
            json.WriteStartObject("environment");
            foreach (var (name, value) in run.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteStartArray("variations");
            foreach (var variation in variations)
            {
                json.WriteStringValue(variation);
            }

            json.WriteEndArray();
            if (notVaried is not null)
            {
                json.WriteStartObject("notVaried");
                foreach (var (name, reason) in notVaried.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    json.WriteString(name, reason);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        AtomicFile.WriteAllText(path, Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Frames in the captures of a run, counted from the file size with the capture layout's record sizes.</summary>
    static long FrameCount(AbsolutePath folder) =>
        CaptureFiles.Sum(name => (new FileInfo(folder / name).Length - Mvps.Codec.Capture.PcapWriter.FileHeaderLength)
            / (Mvps.Codec.Capture.PcapWriter.RecordHeaderLength + Mvps.Codec.Wire.FieldLengths.Frame));
}
