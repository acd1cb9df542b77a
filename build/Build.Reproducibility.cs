using System.Diagnostics;
using System.Globalization;
using Mvps.Build.Determinism;
using Mvps.Build.Engine;

/// <summary>
/// The codec is reproducible: src/Mvps.Codec and the mvps tool are compiled and packed twice, from two
/// source trees at different paths and under a different time zone and culture, and every output byte
/// (assemblies, apphost, deps/runtimeconfig files, NuGet packages) must be identical.
/// </summary>
internal sealed partial class Build
{
    private static readonly string[] ReproducedProjects = ["src/Mvps.Codec/Mvps.Codec.csproj", "src/Mvps.Tool/Mvps.Tool.csproj"];

    [Parameter("Compile and pack the codec and the mvps tool twice from two source paths and require identical bytes (target Reproduce, part of Evidence).")]
    private readonly bool ReproduceCodec = true;

    private AbsolutePath ReproduceDirectory => ArtifactsDirectory / "reproduce";

    private Target Reproduce => _ => _
        .Description("Compiles and packs Mvps.Codec and mvps twice, from two source trees at different paths (git clones of this repository plus the working tree's changes), and fails unless all outputs are byte-identical.")
        .OnlyWhenStatic(() => ReproduceCodec)
        .Executes(() =>
        {
            var epoch = ReproducibleTimestamp();

            // Two fresh compiles cost most of a warm Evidence: they are skipped only when the content hash of
            // everything that goes into them (every working-tree file, the commit, the remote, the SDK, the
            // parameters) equals the one recorded after the last successful reproduction.
            var fingerprint = InputFingerprint.Combine(WorkingTreeDigest, ReproduceParameters(epoch));
            var stamp = ReproduceDirectory / "inputs.sha256";
            if (InputFingerprint.IsCurrent(stamp, fingerprint) && Directory.Exists(ReproduceDirectory / "output-1"))
            {
                Log.Information($"Reproduce: inputs unchanged since the last successful reproduction (fingerprint {fingerprint[..16]}), outputs reused");
                ReportSummary(ReproduceSummary() + " (reused: inputs unchanged)");
                return;
            }

            if (Directory.Exists(ReproduceDirectory))
            {
                Directory.Delete(ReproduceDirectory, recursive: true);
            }

            Log.Information($"SOURCE_DATE_EPOCH={epoch} (the commit time): NuGet's deterministic pack stamps every zip entry with it");

            // Different path lengths and depths: anything path-dependent that PathMap misses shows up as a difference.
            var builds = new (string Name, AbsolutePath Tree, Dictionary<string, string?> Environment)[]
            {
                ("1", ReproduceDirectory / "tree-1", new Dictionary<string, string?>()),
                ("2", ReproduceDirectory / "second-tree" / "at-another-depth", new Dictionary<string, string?>
                {
                    ["TZ"] = "Pacific/Chatham",
                    ["LANG"] = "tr_TR.UTF-8",
                    ["LC_ALL"] = "tr_TR.UTF-8",
                }),
            };

            foreach (var (name, tree, environment) in builds)
            {
                var stopwatch = Stopwatch.StartNew(); // build log only
                PrepareSourceTree(tree);
                environment["CI"] = "true"; // ContinuousIntegrationBuild and locked restore, as on a build server
                environment["SOURCE_DATE_EPOCH"] = epoch;
                var output = ReproduceDirectory / ("output-" + name);
                new DotNet("build", tree / ReproducedProjects[1]) { Configuration = Configuration, Extra = ["-clp:NoSummary"] }.Run(tree, environment);
                foreach (var project in ReproducedProjects)
                {
                    new DotNet("pack", tree / project) { Configuration = Configuration, NoBuild = true, Output = output / "packages" }.Run(tree, environment);
                    var projectName = Path.GetFileNameWithoutExtension(project);
                    FolderCopy.CopyAll(tree / Path.GetDirectoryName(project)! / "bin" / Configuration.ToString() / "net10.0", output / "bin" / projectName);
                }

                Log.Information($"tree {name}: compile and pack took {stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
            }

            var differences = BuildOutputComparison.Compare(ReproduceDirectory / "output-1", ReproduceDirectory / "output-2");
            foreach (var difference in differences)
            {
                Log.Error($"tree 2 vs tree 1: {difference}");
            }

            StepSummary.AppendDifferences("Reproduce", differences.Select(difference => $"tree 2 vs tree 1: {difference}").ToList());
            if (differences.Count > 0)
            {
                var differing = BuildOutputComparison.DifferingFiles(ReproduceDirectory / "output-1", ReproduceDirectory / "output-2");
                foreach (var line in DiffoscopeReport.Write(ReproduceDirectory / "output-1", ReproduceDirectory / "output-2", differing, ReproduceDirectory / "diffoscope"))
                {
                    Log.Error(line);
                }

                throw new BuildException($"{differences.Count} difference(s) between two compiles of the same sources: the codec build is not reproducible (diffoscope reports in artifacts/reproduce/diffoscope/).");
            }

            InputFingerprint.Record(stamp, fingerprint);
            ReportSummary(ReproduceSummary());
        });

    private string ReproduceSummary()
    {
        var files = BuildOutputComparison.Files(ReproduceDirectory / "output-1");
        var assemblies = files.Count(file => file.EndsWith(".dll", StringComparison.Ordinal));
        var packages = files.Count(file => file.EndsWith(".nupkg", StringComparison.Ordinal));
        return $"{files.Count} files ({assemblies} assemblies, {packages} packages) identical from 2 source paths";
    }

    /// <summary>What besides the working tree's files goes into the two compiles: the commit and remote (SourceLink, the clones), the SDK, the settings.</summary>
    private IEnumerable<string> ReproduceParameters(string epoch)
    {
        var head = ProcessTasks.StartProcess("git", ["rev-parse", "HEAD"], RootDirectory, throwOnFailure: false, logOutput: false);
        var origin = ProcessTasks.StartProcess("git", ["remote", "get-url", "origin"], RootDirectory, throwOnFailure: false, logOutput: false);
        return ["reproduce", "commit " + head.StandardOutput.Trim(), "origin " + origin.StandardOutput.Trim(), "sdk " + SdkVersion,
            "configuration " + Configuration, "epoch " + epoch, .. ReproducedProjects];
    }

    /// <summary>
    /// A second, independent source tree: a git clone of this repository (so SourceLink sees the same commit and
    /// remote) with the working tree's uncommitted changes laid over it; a plain copy when there is no repository.
    /// </summary>
    private void PrepareSourceTree(AbsolutePath tree)
    {
        Directory.CreateDirectory(tree.Parent);
        if (Directory.Exists(RootDirectory / ".git") || File.Exists(RootDirectory / ".git"))
        {
            ProcessTasks.StartProcess("git", ["clone", "--quiet", "--no-hardlinks", RootDirectory, tree], RootDirectory);
            var origin = ProcessTasks.StartProcess("git", ["remote", "get-url", "origin"], RootDirectory, throwOnFailure: false, logOutput: false);
            ProcessTasks.StartProcess("git", origin.ExitCode == 0
                ? ["remote", "set-url", "origin", origin.StandardOutput.Trim()]
                : ["remote", "remove", "origin"], tree, logOutput: false);
        }

        var count = SourceTreeCopy.Sync(RootDirectory, tree);
        Log.Information($"source tree {Path.GetRelativePath(RootDirectory, tree)}: {count} files");
    }

    /// <summary>The commit time of HEAD (or an inherited SOURCE_DATE_EPOCH): the one timestamp a reproducible package may carry.</summary>
    private string ReproducibleTimestamp()
    {
        var inherited = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (!string.IsNullOrEmpty(inherited))
        {
            return inherited;
        }

        var result = ProcessTasks.StartProcess("git", ["log", "-1", "--format=%ct", "HEAD"], RootDirectory, throwOnFailure: false, logOutput: false);
        return result.ExitCode == 0 && long.TryParse(result.StandardOutput.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds.ToString(CultureInfo.InvariantCulture)
            : throw new BuildException("Reproducible packages need the commit time as SOURCE_DATE_EPOCH: no git history here, so set SOURCE_DATE_EPOCH.");
    }
}
