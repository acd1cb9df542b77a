using Mvps.IO;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mvps.Build.Engine;

/// <summary>
/// The evidence pipeline: generate the captures and receipt in several runs under different settings,
/// instruction sets and code generators, diff every run byte for byte against run a and the committed
/// evidence/, and gate on any difference.
/// </summary>
partial class Build
{
    /// <summary>The files `mvps generate` writes, i.e. what evidence/ must hold exactly.</summary>
    static readonly string[] EvidenceFiles = ["mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json"];

    [Parameter("Evidence runs to make and diff: a (plain), b (other working directory, TZ, culture, HOME, umask; JIT without tiering and without SIMD), arm64 (linux-arm64 under qemu-aarch64-static), aot (NativeAOT linux-x64). Run a is always made.")]
    readonly string[] Runs = ["a", "b", "arm64", "aot"];

    AbsolutePath RunsDirectory => ArtifactsDirectory / "runs";

    AbsolutePath EvidenceDirectory => RootDirectory / "evidence";

    AbsolutePath MvpsDll => RootDirectory / "src" / "Mvps.Tool" / "bin" / Configuration.ToString() / "net10.0" / "mvps.dll";

    AbsolutePath Arm64SysrootDirectory => TemporaryDirectory / "arm64-sysroot";

    Target Generate => _ => _
        .Description("Generates both captures and the receipt once (run a) into artifacts/runs/a, with SHA256SUMS.")
        .DependsOn(Compile)
        .Produces("artifacts/runs/a/*")
        .Executes(() =>
        {
            MakeRun(EvidenceRun.Plain, new RunLauncher("dotnet", [MvpsDll], "dotnet src/Mvps.Tool/bin/" + Configuration + "/net10.0/mvps.dll"));
            ReportSummary($"run a: {FrameCount(RunsDirectory / "a")} frames");
        });

    Target Evidence => _ => _
        .Description("Generates the evidence in every run of --runs (and checks the codec compiles reproducibly, --reproduce-codec), diffs all runs byte for byte against run a and evidence/, fails on any difference.")
        .DependsOn(Generate, Reproduce)
        .Produces("artifacts/runs/*/*")
        .Executes(() =>
        {
            // Only this build's runs may be in artifacts/runs: a run that is skipped or not selected must not
            // leave an earlier result looking current.
            foreach (var stale in (Directory.Exists(RunsDirectory) ? Directory.GetDirectories(RunsDirectory) : []).Where(path => Path.GetFileName(path) != "a"))
            {
                Directory.Delete(stale, recursive: true);
            }

            var made = new List<EvidenceRun> { EvidenceRun.Plain };
            var skipped = new List<string>();
            foreach (var run in EvidenceRun.Select(Runs).Where(run => run.Name != "a"))
            {
                var launcher = PrepareLauncher(run, out var skipReason);
                if (launcher is null)
                {
                    Log.Warning($"run {run.Name} SKIPPED: {skipReason}");
                    skipped.Add($"{run.Name} skipped: {skipReason}");
                    continue;
                }

                var stopwatch = Stopwatch.StartNew(); // build log only: durations are never written into an output
                MakeRun(run, launcher);
                Log.Information($"run {run.Name}: generate took {stopwatch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
                made.Add(run);
            }

            var differences = new List<string>();
            foreach (var run in made)
            {
                differences.AddRange(OutputComparison.Compare(RunsDirectory / "a", RunsDirectory / run.Name, [.. EvidenceFiles, .. RunReportFiles])
                    .Select(difference => $"run {run.Name} vs run a: {difference}"));
            }

            differences.AddRange(OutputComparison.Compare(EvidenceDirectory, RunsDirectory / "a", EvidenceFiles)
                .Select(difference => $"run a vs committed evidence/: {difference}"));

            foreach (var difference in differences)
            {
                Log.Error(difference);
            }

            if (differences.Count > 0)
            {
                throw new BuildException($"{differences.Count} difference(s): the evidence is not reproducible (or evidence/ is stale: `./build.sh Accept` regenerates it deliberately).");
            }

            // Identical bytes are not yet checked bytes: run a must pass the tool's strict check against its own receipt.
            DotNet(MvpsDll, "verify", "--strict", RunsDirectory / "a" / "mvps_baseline.pcap", RunsDirectory / "a" / "mvps_ddos.pcap",
                "--receipt", RunsDirectory / "a" / "mvps_pcap_receipt.json", "--quiet");

            var frames = FrameCount(RunsDirectory / "a");
            var settings = made.Select(run => File.ReadAllText(RunsDirectory / run.Name / "settings.json")).Distinct(StringComparer.Ordinal).Count();
            var isas = made.Select(run => run.InstructionSet).Distinct(StringComparer.Ordinal).Count();
            var summary = $"{frames} frames, {made.Count} run{(made.Count == 1 ? "" : "s")} ({string.Join(" ", made.Select(run => run.Name))}), {settings} settings, {isas} ISA{(isas == 1 ? "" : "s")}, identical to evidence/";
            ReportSummary(skipped.Count == 0 ? summary : summary + "; " + string.Join("; ", skipped));
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

    Target Accept => _ => _
        .Description("Promotes received approval files to approved and regenerates the committed evidence/: the one deliberate way to change the evidence.")
        .DependsOn(Compile)
        .Executes(() =>
        {
            var promoted = 0;
            foreach (var received in Directory.GetFiles(RootDirectory / "tests", "*.received.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var approved = received[..^".received.txt".Length] + ".approved.txt";
                File.Move(received, approved, overwrite: true);
                Log.Information($"approved {Path.GetRelativePath(RootDirectory, approved)}");
                promoted++;
            }

            DotNet(MvpsDll, "generate", "--out", EvidenceDirectory, "--quiet");
            ReportSummary($"{promoted} approval(s) promoted, evidence/ regenerated");
        });

    /// <summary>How to start a run's generator: the program, the arguments before `generate`, and how settings.json names it.</summary>
    sealed record RunLauncher(string Tool, IReadOnlyList<string> Arguments, string Description);

    /// <summary>Publishes the generator the way <paramref name="run"/> needs it; null with a reason when that is impossible here.</summary>
    RunLauncher? PrepareLauncher(EvidenceRun run, out string? skipReason)
    {
        skipReason = null;
        switch (run.Kind)
        {
            case EvidenceRunKind.Jit:
                // The tool ships with invariant globalization, which would make the culture settings of this
                // run moot: here it runs with culture support switched back on, so a culture-dependent
                // format anywhere on the path to the output would show up as a difference.
                return new RunLauncher("dotnet", ["exec", "--runtimeconfig", WriteCultureRuntimeConfig(run), MvpsDll],
                    "dotnet exec --runtimeconfig <culture-enabled copy> src/Mvps.Tool/bin/" + Configuration + "/net10.0/mvps.dll");

            case EvidenceRunKind.Arm64Emulated:
                skipReason = Arm64Sysroot.Ensure(Arm64SysrootDirectory);
                if (skipReason is not null)
                {
                    return null;
                }

                Log.Information($"arm64 sysroot {Arm64SysrootDirectory}: {string.Join(", ", Arm64Sysroot.Contents(Arm64SysrootDirectory))}");
                var arm64 = PublishGenerator(run, "linux-arm64", nativeAot: false);
                return new RunLauncher(
                    Arm64Sysroot.Emulator,
                    ["-L", Arm64SysrootDirectory, arm64 / "mvps"],
                    $"{Arm64Sysroot.Emulator} -L .nuke/temp/arm64-sysroot .nuke/temp/publish/arm64/mvps (dotnet publish -r linux-arm64 --self-contained)");

            case EvidenceRunKind.NativeAot:
                skipReason = NativeAotToolchain.MissingPrerequisite();
                if (skipReason is not null)
                {
                    return null;
                }

                var aot = PublishGenerator(run, "linux-x64", nativeAot: true);
                return new RunLauncher(aot / "mvps", [], ".nuke/temp/publish/aot/mvps (dotnet publish -r linux-x64 -p:PublishAot=true)");

            default:
                throw new BuildException($"Run {run.Name}: unknown kind {run.Kind}.");
        }
    }

    /// <summary>
    /// Publishes src/Mvps.Tool for <paramref name="runtimeIdentifier"/> from a copy of the working tree under
    /// .nuke/temp/source-NAME: a RID-specific restore rewrites obj/project.assets.json and needs a lock file
    /// with that RID, neither of which may touch the repository's own tree (the copy restores unlocked).
    /// </summary>
    AbsolutePath PublishGenerator(EvidenceRun run, string runtimeIdentifier, bool nativeAot)
    {
        var source = TemporaryDirectory / ("source-" + run.Name);
        var output = TemporaryDirectory / "publish" / run.Name;
        SourceTreeCopy.Sync(RootDirectory, source);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        List<string> arguments =
        [
            "publish", source / "src" / "Mvps.Tool" / "Mvps.Tool.csproj", "-c", Configuration.ToString(), "-r", runtimeIdentifier,
            "--self-contained", "-o", output, "-nologo", "-p:RestoreLockedMode=false",
        ];
        if (nativeAot)
        {
            arguments.Add("-p:PublishAot=true");
        }

        var stopwatch = Stopwatch.StartNew();
        ProcessTasks.StartProcess("dotnet", arguments, source);
        Log.Information($"run {run.Name}: publish for {runtimeIdentifier}{(nativeAot ? " (NativeAOT)" : "")} took {stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        return output;
    }

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

        WriteSettings(folder / "settings.json", run, launcher, workingDirectory == RootDirectory ? "repository root" : ".nuke/temp/run-" + run.Name);
        WriteSha256Sums(folder);
    }

    static void WriteSettings(string path, EvidenceRun run, RunLauncher launcher, string workingDirectory)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("run", run.Name);
            json.WriteString("description", run.Description);
            json.WriteString("kind", run.Kind.ToString());
            json.WriteString("instructionSet", run.InstructionSet);
            json.WriteString("generator", launcher.Description);
            json.WriteString("workingDirectory", workingDirectory);
            json.WriteString("umask", OperatingSystem.IsWindows() ? "not applicable (Windows)" : run.Umask);
            json.WriteStartObject("environment");
            foreach (var (name, value) in run.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        AtomicFile.WriteAllText(path, Encoding.UTF8.GetString(stream.ToArray()));
    }

    static void WriteSha256Sums(AbsolutePath folder)
    {
        var text = new StringBuilder();
        foreach (var name in EvidenceFiles)
        {
            text.Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(folder / name)))).Append("  ").Append(name).Append('\n');
        }

        AtomicFile.WriteAllText(folder / "SHA256SUMS", text.ToString());
    }

    /// <summary>Frames in the captures of a run: (file size − 24-byte header) / (16-byte record header + 110-byte frame).</summary>
    static long FrameCount(AbsolutePath folder) =>
        EvidenceFiles.Where(name => name.EndsWith(".pcap", StringComparison.Ordinal)).Sum(name => (new FileInfo(folder / name).Length - 24) / 126);
}
