using Mvps.Build.Determinism;
using Mvps.Build.Engine;

/// <summary>
/// The MVPS Evidence build. Targets live in partial files by concern (Build.Test.cs, ...); each is a
/// <see cref="Target"/> property, so adding one is adding a property in a new partial file.
/// </summary>
internal sealed partial class Build : NukeBuild
{
    public static int Main() => Execute<Build>(x => x.Compile);

    [Parameter("Configuration to build.")]
    private readonly Configuration Configuration = Configuration.Release;

    private const string Solution = "Evidence.sln";

    private AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";

    private Target Clean => _ => _
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

    private Target Restore => _ => _
        .Description($"Restores the packages of {Solution}.")
        .Executes(() => new DotNet("restore", Solution).Run(RootDirectory));

    // Compile restores in the same MSBuild run, as a bare `dotnet build` does: a separate restore process would
    // evaluate every project a second time (seconds on a warm gate). Restore stays for restoring alone.
    private Target Compile => _ => _
        .Description($"Builds {Solution} (restoring it in the same run).")
        .After(Restore)
        .Executes(() => new DotNet("build", Solution) { Configuration = Configuration }.Run(RootDirectory));

    /// <summary>The mvps.dll that Compile builds (framework-dependent, under the installed runtime).</summary>
    private AbsolutePath MvpsDll => RootDirectory / "src" / "Mvps.Tool" / "bin" / Configuration.ToString() / "net10.0" / "mvps.dll";

    /// <summary>How every target starts the tool Compile built (the evidence runs' other generators: <see cref="GeneratorBuilds"/>).</summary>
    private ToolLauncher CompiledTool => ToolLauncher.FrameworkDependent(MvpsDll, $"src/Mvps.Tool/bin/{Configuration}/net10.0/mvps.dll");

    /// <summary>Runs the tool Compile built, from the repository root; a non-zero exit fails the target.</summary>
    private ProcessResult RunMvps(params string[] arguments) => CompiledTool.Run(arguments, RootDirectory);

    private string? _workingTreeDigest;

    /// <summary>The content hash of the working tree, once per build: the shared part of every step's input fingerprint.</summary>
    private string WorkingTreeDigest => _workingTreeDigest ??= InputFingerprint.TreeDigest(RootDirectory);

    private string? _sdkVersion;

    /// <summary>The SDK that global.json selects: an input of every compile and publish.</summary>
    private string SdkVersion => _sdkVersion ??= ProcessTasks.StartProcess("dotnet", ["--version"], RootDirectory, logOutput: false).StandardOutput.Trim();
}

internal enum Configuration
{
    Debug,
    Release,
}
