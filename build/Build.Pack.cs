using Mvps.Build.Determinism;
using Mvps.Build.Engine;

/// <summary>NuGet packages of the codec library and the mvps tool, versioned by GitVersion.</summary>
internal sealed partial class Build
{
    private static readonly string[] PackableProjects = ["src/Mvps.Codec/Mvps.Codec.csproj", "src/Mvps.Tool/Mvps.Tool.csproj"];

    private AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";

    private Target Pack => _ => _
        .Description("Packs Mvps.Codec and the mvps .NET tool into artifacts/packages, versioned by GitVersion.")
        .DependsOn(Compile)
        .Executes(() =>
        {
            if (Directory.Exists(PackagesDirectory))
            {
                Directory.Delete(PackagesDirectory, recursive: true);
            }

            // NuGet's deterministic pack stamps every zip entry with SOURCE_DATE_EPOCH: the commit time, not the clock.
            var environment = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = ReproducibleTimestamp() };
            foreach (var project in PackableProjects)
            {
                new DotNet("pack", project)
                {
                    Configuration = Configuration,
                    Output = PackagesDirectory,
                    Properties =
                    [
                        ("Version", GitVersion.SemVer),
                        ("AssemblyVersion", GitVersion.AssemblySemVer),
                        ("FileVersion", GitVersion.AssemblySemFileVer),
                        ("InformationalVersion", GitVersion.InformationalVersion),
                        ("RepositoryCommit", GitVersion.Sha),
                        ("RepositoryUrl", RepositoryUrl),
                        ("PackageProjectUrl", RepositoryUrl),
                        ("ContinuousIntegrationBuild", "true"),
                    ],
                }.Run(RootDirectory, environment);
            }

            var packages = Directory.GetFiles(PackagesDirectory, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            ReportSummary($"{packages.Count} packages, {GitVersion.SemVer}");
        });
}
