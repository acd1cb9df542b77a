using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mvps.Build.Engine;

/// <summary>
/// The evidence pipeline: generate the captures and receipt in several runs under different settings,
/// diff every run byte for byte against run a and the committed evidence/, and gate on any difference.
/// </summary>
partial class Build
{
    /// <summary>The files `mvps generate` writes, i.e. what evidence/ must hold exactly.</summary>
    static readonly string[] EvidenceFiles = ["mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json"];

    [Parameter("Evidence runs to make and diff: a (plain), b (other working directory, TZ, culture, HOME, umask; JIT without tiering and without SIMD).")]
    readonly string[] Runs = ["a", "b"];

    AbsolutePath RunsDirectory => ArtifactsDirectory / "runs";

    AbsolutePath EvidenceDirectory => RootDirectory / "evidence";

    AbsolutePath MvpsDll => RootDirectory / "src" / "Mvps.Tool" / "bin" / Configuration.ToString() / "net10.0" / "mvps.dll";

    Target Generate => _ => _
        .Description("Generates both captures and the receipt once (run a) into artifacts/runs/a, with SHA256SUMS.")
        .DependsOn(Compile)
        .Produces("artifacts/runs/a/*")
        .Executes(() =>
        {
            var run = EvidenceRun.Plain;
            MakeRun(run);
            ReportSummary($"run a: {FrameCount(RunsDirectory / "a")} frames");
        });

    Target Evidence => _ => _
        .Description("Generates the evidence in every run of --runs, diffs all runs byte for byte against run a and evidence/, fails on any difference.")
        .DependsOn(Generate)
        .Produces("artifacts/runs/*/*")
        .Executes(() =>
        {
            var runs = EvidenceRun.Select(Runs);
            foreach (var run in runs.Where(run => run.Name != "a"))
            {
                MakeRun(run);
            }

            var differences = new List<string>();
            foreach (var run in runs)
            {
                differences.AddRange(OutputComparison.Compare(RunsDirectory / "a", RunsDirectory / run.Name, EvidenceFiles)
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

            var frames = FrameCount(RunsDirectory / "a");
            var settings = runs.Select(run => run.Name).Distinct().Count();
            ReportSummary($"{frames} frames, {runs.Count} runs, {settings} settings, identical to evidence/");
        });

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

    /// <summary>Runs `mvps generate` with a run's settings into artifacts/runs/NAME, then writes settings.json and SHA256SUMS.</summary>
    void MakeRun(EvidenceRun run)
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

        // umask cannot be set for a child process from .NET: a shell sets it and execs the tool.
        var command = $"umask {run.Umask} && exec dotnet \"$0\" generate --out \"$1\" --quiet";
        ProcessTasks.StartProcess("sh", ["-c", command, MvpsDll, folder], workingDirectory, environment);

        WriteSettings(folder / "settings.json", run, workingDirectory == RootDirectory ? "repository root" : ".nuke/temp/run-" + run.Name);
        WriteSha256Sums(folder);
    }

    static void WriteSettings(string path, EvidenceRun run, string workingDirectory)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("run", run.Name);
            json.WriteString("description", run.Description);
            json.WriteString("workingDirectory", workingDirectory);
            json.WriteString("umask", run.Umask);
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
