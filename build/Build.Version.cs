using System.Text.Json;
using Mvps.Build.Determinism;
using Mvps.Build.Engine;

/// <summary>
/// The version, from GitVersion 6.8.2. GitVersion.Tool is not served here, so its command line is taken
/// from the GitVersion.MsBuild package (PackageDownload in _build.csproj): tools/net10.0/gitversion.dll.
/// </summary>
internal sealed partial class Build
{
    private const string GitVersionPackageVersion = "6.8.2";

    private GitVersionInfo? _gitVersion;

    private GitVersionInfo GitVersion => _gitVersion ??= GitVersionInfo.Run(RootDirectory, GitVersionPackageVersion);

    private Target Version => _ => _
        .Description("Prints the version GitVersion computes for this commit.")
        .Executes(() =>
        {
            Log.Information($"SemVer {GitVersion.SemVer}, informational {GitVersion.InformationalVersion}, commit {GitVersion.Sha}");
            ReportSummary(GitVersion.SemVer);
        });

    /// <summary>The GitVersion variables the build uses.</summary>
    private sealed record GitVersionInfo(string SemVer, string AssemblySemVer, string AssemblySemFileVer, string InformationalVersion, string Sha, long CommitTime)
    {
        public static GitVersionInfo Run(AbsolutePath root, string packageVersion)
        {
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var dll = Path.Combine(packages, "gitversion.msbuild", packageVersion, "tools", "net10.0", "gitversion.dll");
            if (!File.Exists(dll))
            {
                throw new BuildException($"GitVersion not found at {dll}: restore build/_build.csproj (it downloads GitVersion.MsBuild {packageVersion}).");
            }

            var result = ProcessTasks.StartProcess("dotnet", [dll, root, "/output", "json"], root, logOutput: false);
            using var json = JsonDocument.Parse(result.StandardOutput);
            var variables = json.RootElement;
            string Get(string name) => variables.GetProperty(name).ToString();

            // The commit time is the release's only timestamp (SOURCE_DATE_EPOCH), never the wall clock.
            var commitTime = ProcessTasks.StartProcess("git", ["log", "-1", "--format=%ct", "HEAD"], root, logOutput: false).StandardOutput.Trim();
            return new GitVersionInfo(Get("SemVer"), Get("AssemblySemVer"), Get("AssemblySemFileVer"), Get("InformationalVersion"), Get("Sha"),
                long.Parse(commitTime, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
