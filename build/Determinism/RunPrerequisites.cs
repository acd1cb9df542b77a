namespace Mvps.Build.Determinism;

/// <summary>
/// One thing a run needs of the machine. <see cref="Package"/> is the Debian package that brings it (the missing
/// ones of a run become one `apt-get install` line), <see cref="Command"/> any other step that does.
/// </summary>
internal sealed record Prerequisite(string What, Func<HostFacts, bool> Present, string? Package = null, string? Command = null);

/// <summary>
/// What each evidence run needs, declared in one place: the platforms it can run on at all (no install line changes
/// that) and the programs and files it needs there. The NuGet-provided parts (runtime packs, the ILCompiler
/// packages) are restored by the publish itself and count as present; so does the installed .NET SDK.
/// </summary>
internal static class RunPrerequisites
{
    /// <summary>Where NativeAOT's linker finds zlib (-lz) on Debian and Ubuntu, x64 and arm64.</summary>
    private static readonly string[] ZlibFiles = [.. new[] { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib" }
        .SelectMany(folder => new[] { folder + "/libz.so", folder + "/libz.a" })];

    /// <summary>vswhere.exe comes with every Visual Studio installation; NativeAOT uses it to find the C++ linker.</summary>
    private const string VsWhere = @"C:\Program Files (x86)\Microsoft Visual Studio\Installer\vswhere.exe";

    /// <summary>Null when <paramref name="run"/> can be made on this operating system and architecture, otherwise why it never can here.</summary>
    public static string? PlatformLimit(EvidenceRun run, HostFacts host)
    {
        var knownArchitecture = host.Architecture is "x64" or "arm64";
        return run.Kind switch
        {
            EvidenceRunKind.Jit => null,
            EvidenceRunKind.Arm64Emulated => host.RuntimeIdentifier == "linux-x64"
                ? null
                : host.OperatingSystem == HostFacts.Linux && host.Architecture == "arm64"
                    ? "needs a linux-x64 host to emulate arm64; this host is linux-arm64, so run a already runs arm64 code"
                    : $"needs a linux-x64 host (qemu's user-mode emulation is Linux-only); this host is {host.RuntimeIdentifier}",
            EvidenceRunKind.NativeAot or EvidenceRunKind.Net8Runtime => knownArchitecture ? null : $"publishes for x64 or arm64; this host is {host.RuntimeIdentifier}",
            EvidenceRunKind.Reprotest => host.OperatingSystem == HostFacts.Linux ? null : $"needs Linux (reprotest, faketime and disorderfs are Debian's); this host is {host.RuntimeIdentifier}",
            _ => $"unknown kind {run.Kind}",
        };
    }

    /// <summary>What <paramref name="run"/> needs on this platform besides the .NET SDK (valid where <see cref="PlatformLimit"/> is null).</summary>
    public static IReadOnlyList<Prerequisite> For(EvidenceRun run, HostFacts host) => run.Kind switch
    {
        EvidenceRunKind.Arm64Emulated =>
        [
            new(Arm64Sysroot.Emulator, facts => facts.ProgramOnPath(Arm64Sysroot.Emulator), Package: "qemu-user-static"),
            // The sysroot is made from Debian's arm64 packages (apt-get download, dpkg-deb -x) unless it is there already.
            new("dpkg's arm64 architecture (for the arm64 sysroot)",
                facts => facts.Arm64SysrootReady || (facts.DpkgArchitectures.Contains("arm64") && facts.ProgramOnPath("apt-get") && facts.ProgramOnPath("dpkg-deb")),
                Command: "dpkg --add-architecture arm64 && apt-get update"),
        ],
        EvidenceRunKind.NativeAot => host.OperatingSystem switch
        {
            HostFacts.Linux =>
            [
                // Debian's clang (like gcc) depends on binutils, which brings the linker ld.
                new("clang (or gcc) with the linker ld", facts => (facts.ProgramOnPath("clang") || facts.ProgramOnPath("gcc")) && facts.ProgramOnPath("ld"), Package: "clang"),
                new("zlib's development library (libz.so)", facts => ZlibFiles.Any(facts.FileExists), Package: "zlib1g-dev"),
            ],
            HostFacts.MacOS => [new("clang from Xcode's command line tools", facts => facts.ProgramOnPath("clang"), Command: "xcode-select --install")],
            _ => [new("Visual Studio's C++ build tools", facts => facts.FileExists(VsWhere), Command: "install Visual Studio 2022 (or its Build Tools) with the \"Desktop development with C++\" workload")],
        },
        EvidenceRunKind.Reprotest =>
        [
            new("reprotest", facts => facts.ProgramOnPath("reprotest"), Package: "reprotest"),
            new("disorderfs (directory order)", facts => facts.ProgramOnPath("disorderfs"), Package: "disorderfs"),
            new("faketime (time)", facts => facts.ProgramOnPath("faketime"), Package: "faketime"),
        ],
        _ => [],
    };

    /// <summary>The one line that installs <paramref name="missing"/>: their Debian packages in one apt-get install, then any other step.</summary>
    public static string InstallLine(IEnumerable<Prerequisite> missing)
    {
        var list = missing.ToList();
        var packages = list.Select(item => item.Package).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var steps = new List<string>();
        if (packages.Count > 0)
        {
            steps.Add("apt-get install " + string.Join(" ", packages));
        }

        steps.AddRange(list.Select(item => item.Command).OfType<string>().Distinct(StringComparer.Ordinal));
        return string.Join(" && ", steps);
    }
}
