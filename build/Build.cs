using Mvps.Build.Engine;

/// <summary>
/// The MVPS Evidence build. Targets live in partial files by concern (Build.Test.cs, ...); each is a
/// <see cref="Target"/> property, so adding one is adding a property in a new partial file.
/// </summary>
partial class Build : NukeBuild
{
    public static int Main() => Execute<Build>(x => x.Compile);

    [Parameter("Configuration to build.")]
    readonly Configuration Configuration = Configuration.Release;

    const string Solution = "Evidence.sln";

    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";

    Target Clean => _ => _
        .Description("Deletes the contents of artifacts/.")
        .Before(Restore)
        .Executes(() =>
        {
            if (!Directory.Exists(ArtifactsDirectory))
            {
                return;
            }

            foreach (var directory in Directory.GetDirectories(ArtifactsDirectory))
            {
                Directory.Delete(directory, recursive: true);
            }

            foreach (var file in Directory.GetFiles(ArtifactsDirectory))
            {
                File.Delete(file);
            }
        });

    Target Restore => _ => _
        .Description($"Restores the packages of {Solution}.")
        .Executes(() => new DotNet("restore", Solution).Run(RootDirectory));

    // Compile restores in the same MSBuild run, as a bare `dotnet build` does: a separate restore process would
    // evaluate every project a second time (seconds on a warm gate). Restore stays for restoring alone.
    Target Compile => _ => _
        .Description($"Builds {Solution} (restoring it in the same run).")
        .After(Restore)
        .Executes(() => new DotNet("build", Solution) { Configuration = Configuration }.Run(RootDirectory));

    /// <summary>Runs the mvps tool built by Compile (framework-dependent, under the installed runtime).</summary>
    ProcessResult RunMvps(params string[] arguments) => ProcessTasks.StartProcess("dotnet", [MvpsDll, .. arguments], RootDirectory);
}

enum Configuration
{
    Debug,
    Release,
}
