using System.Diagnostics;
using System.Globalization;
using Mvps.Build.Engine;

/// <summary>
/// The codec is reproducible: src/Mvps.Codec and the mvps tool are compiled and packed twice, from two
/// source trees at different paths and under a different time zone and culture, and every output byte
/// (assemblies, apphost, deps/runtimeconfig files, NuGet packages) must be identical.
/// </summary>
partial class Build
{
    static readonly string[] ReproducedProjects = ["src/Mvps.Codec/Mvps.Codec.csproj", "src/Mvps.Tool/Mvps.Tool.csproj"];

    [Parameter("Compile and pack the codec and the mvps tool twice from two source paths and require identical bytes (target Reproduce, part of Evidence).")]
    readonly bool ReproduceCodec = true;

    AbsolutePath ReproduceDirectory => ArtifactsDirectory / "reproduce";

    Target Reproduce => _ => _
        .Description("Compiles and packs Mvps.Codec and mvps twice, from two source trees at different paths (git clones of this repository plus the working tree's changes), and fails unless all outputs are byte-identical.")
        .OnlyWhenStatic(() => ReproduceCodec)
        .Produces("artifacts/reproduce/output-*/**")
        .Executes(() =>
        {
            if (Directory.Exists(ReproduceDirectory))
            {
                Directory.Delete(ReproduceDirectory, recursive: true);
            }

            var epoch = ReproducibleTimestamp();
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
                ProcessTasks.StartProcess("dotnet", ["build", tree / ReproducedProjects[1], "-c", Configuration.ToString(), "-nologo", "-clp:NoSummary"], tree, environment);
                foreach (var project in ReproducedProjects)
                {
                    ProcessTasks.StartProcess("dotnet", ["pack", tree / project, "-c", Configuration.ToString(), "--no-build", "-nologo", "-o", output / "packages"], tree, environment);
                    var projectName = Path.GetFileNameWithoutExtension(project);
                    CopyFolder(tree / Path.GetDirectoryName(project)! / "bin" / Configuration.ToString() / "net10.0", output / "bin" / projectName);
                }

                Log.Information($"tree {name}: compile and pack took {stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
            }

            var differences = BuildOutputComparison.Compare(ReproduceDirectory / "output-1", ReproduceDirectory / "output-2");
            foreach (var difference in differences)
            {
                Log.Error($"tree 2 vs tree 1: {difference}");
            }

            if (differences.Count > 0)
            {
                throw new BuildException($"{differences.Count} difference(s) between two compiles of the same sources: the codec build is not reproducible.");
            }

            var files = BuildOutputComparison.Files(ReproduceDirectory / "output-1");
            var assemblies = files.Count(file => file.EndsWith(".dll", StringComparison.Ordinal));
            var packages = files.Count(file => file.EndsWith(".nupkg", StringComparison.Ordinal));
            ReportSummary($"{files.Count} files ({assemblies} assemblies, {packages} packages) identical from 2 source paths");
        });

    /// <summary>
    /// A second, independent source tree: a git clone of this repository (so SourceLink sees the same commit and
    /// remote) with the working tree's uncommitted changes laid over it; a plain copy when there is no repository.
    /// </summary>
    void PrepareSourceTree(AbsolutePath tree)
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
    string ReproducibleTimestamp()
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

    static void CopyFolder(string source, string destination)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
