using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mvps.Build.Engine;
using Mvps.IO;

namespace Mvps.Build.Determinism;

/// <summary>
/// Builds the generator each evidence run starts: the Compile target's tool with culture support switched on (run b),
/// or a publish for arm64 under qemu, NativeAOT or the .NET 8 runtime. A publish comes from a copy of the working tree
/// and is reused only while the fingerprint of everything that goes into it is unchanged.
/// </summary>
internal sealed class GeneratorBuilds(
    AbsolutePath rootDirectory,
    AbsolutePath temporaryDirectory,
    Configuration configuration,
    ToolLauncher compiledTool,
    Func<string> workingTreeDigest,
    Func<string> sdkVersion)
{
    /// <summary>Where the arm64 run's Debian libraries are unpacked for qemu-aarch64-static -L.</summary>
    public AbsolutePath Arm64SysrootDirectory => temporaryDirectory / "arm64-sysroot";

    /// <summary>The aot and net8 runs publish for this host and run natively ("linux-x64", "osx-arm64", "win-x64").</summary>
    public static string HostRuntimeIdentifier => HostFacts.Current(arm64SysrootReady: false).RuntimeIdentifier;

    /// <summary>The published tool's file name on this host.</summary>
    private static string ExecutableName => OperatingSystem.IsWindows() ? "mvps.exe" : "mvps";

    /// <summary>The launcher of <paramref name="run"/>'s generator, built or published as that run needs (its prerequisites are checked).</summary>
    public ToolLauncher Prepare(EvidenceRun run)
    {
        switch (run.Kind)
        {
            case EvidenceRunKind.Jit when run == EvidenceRun.Plain:
                return compiledTool;

            case EvidenceRunKind.Jit:
                // The tool ships with invariant globalization, which would make the culture settings of this
                // run moot: here it runs with culture support switched back on, so a culture-dependent
                // format anywhere on the path to the output would show up as a difference.
                return new ToolLauncher("dotnet", ["exec", "--runtimeconfig", WriteCultureRuntimeConfig(run), .. compiledTool.Arguments],
                    "dotnet exec --runtimeconfig <culture-enabled copy> " + compiledTool.Description["dotnet ".Length..]);

            case EvidenceRunKind.Arm64Emulated:
                if (Arm64Sysroot.Ensure(Arm64SysrootDirectory) is { } problem)
                {
                    throw new BuildException($"run {run.Name}: {problem}");
                }

                Log.Information($"arm64 sysroot {Arm64SysrootDirectory}: {string.Join(", ", Arm64Sysroot.Contents(Arm64SysrootDirectory))}");
                var arm64 = Publish(run, "linux-arm64", nativeAot: false);
                return new ToolLauncher(
                    Arm64Sysroot.Emulator,
                    ["-L", Arm64SysrootDirectory, arm64 / "mvps"],
                    $"{Arm64Sysroot.Emulator} -L .nuke/temp/arm64-sysroot .nuke/temp/publish/arm64/mvps (dotnet publish -r linux-arm64 --self-contained -p:PublishReadyToRun=true)");

            case EvidenceRunKind.NativeAot:
                var aot = Publish(run, HostRuntimeIdentifier, nativeAot: true);
                return new ToolLauncher(aot / ExecutableName, [], $".nuke/temp/publish/aot/{ExecutableName} (dotnet publish -r {HostRuntimeIdentifier} -p:PublishAot=true)");

            case EvidenceRunKind.Net8Runtime:
                var net8 = Publish(run, HostRuntimeIdentifier, nativeAot: false, Net8Runtime.TargetFramework);
                var runtime = Net8Runtime.PublishedRuntime(net8);
                Log.Information($"run {run.Name}: runtime {runtime}");
                return new ToolLauncher(net8 / ExecutableName, [],
                    $".nuke/temp/publish/net8/{ExecutableName} (dotnet publish -f {Net8Runtime.TargetFramework} -r {HostRuntimeIdentifier} --self-contained -p:{Net8Runtime.Property}=true; runtime {runtime})");

            default:
                throw new BuildException($"Run {run.Name}: unknown kind {run.Kind}.");
        }
    }

    /// <summary>
    /// Publishes src/Mvps.Tool for <paramref name="runtimeIdentifier"/> from a copy of the working tree under
    /// .nuke/temp/source-NAME: a RID-specific restore rewrites obj/project.assets.json and needs a lock file
    /// with that RID, neither of which may touch the repository's own tree (the copy restores unlocked).
    /// </summary>
    private AbsolutePath Publish(EvidenceRun run, string runtimeIdentifier, bool nativeAot, string? targetFramework = null)
    {
        var source = temporaryDirectory / ("source-" + run.Name);
        var output = temporaryDirectory / "publish" / run.Name;
        var command = new DotNet("publish", source / "src" / "Mvps.Tool" / "Mvps.Tool.csproj")
        {
            Configuration = configuration,
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
        var fingerprint = InputFingerprint.Combine(workingTreeDigest(), ["publish", .. command.Arguments(), "sdk " + sdkVersion()]);
        var stamp = temporaryDirectory / "publish" / (run.Name + ".inputs");
        if (InputFingerprint.IsCurrent(stamp, fingerprint) && File.Exists(output / ExecutableName))
        {
            Log.Information($"run {run.Name}: publish for {runtimeIdentifier} reused, inputs unchanged (fingerprint {fingerprint[..16]})");
            return output;
        }

        InputFingerprint.Forget(stamp);
        SourceTreeCopy.Sync(rootDirectory, source);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var stopwatch = Stopwatch.StartNew(); // build log only: durations are never written into an output
        command.Run(source);
        InputFingerprint.Record(stamp, fingerprint);
        Log.Information($"run {run.Name}: publish for {runtimeIdentifier}{(nativeAot ? " (NativeAOT)" : "")} took {stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        return output;
    }

    /// <summary>A copy of the tool's runtimeconfig.json with System.Globalization.Invariant off (ICU and the run's LANG decide the culture).</summary>
    private string WriteCultureRuntimeConfig(EvidenceRun run)
    {
        var mvpsDll = compiledTool.Arguments[^1];
        var config = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(mvpsDll, ".runtimeconfig.json")))!;
        var properties = config["runtimeOptions"]!["configProperties"]!.AsObject();
        properties["System.Globalization.Invariant"] = false;
        properties.Remove("System.Globalization.PredefinedCulturesOnly");
        var path = temporaryDirectory / ("run-" + run.Name + ".runtimeconfig.json");
        AtomicFile.WriteAllText(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return path;
    }
}
