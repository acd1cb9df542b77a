using System.Runtime.InteropServices;

namespace Mvps.Build.Determinism;

/// <summary>
/// What the run selection knows about the machine: its operating system and architecture, which programs are on
/// PATH, which files exist, the architectures dpkg installs packages for and whether the arm64 sysroot is already made. Passed in,
/// so <see cref="RunSelection"/> is a pure function of it and the tests can describe macOS or Windows.
/// </summary>
internal sealed record HostFacts(
    string OperatingSystem,
    string Architecture,
    Func<string, bool> ProgramOnPath,
    Func<string, bool> FileExists,
    IReadOnlyCollection<string> DpkgArchitectures,
    bool Arm64SysrootReady)
{
    public const string Linux = "linux";
    public const string MacOS = "osx";
    public const string Windows = "win";

    /// <summary>The portable runtime identifier of this host ("linux-x64", "osx-arm64", "win-x64").</summary>
    public string RuntimeIdentifier => OperatingSystem + "-" + Architecture;

    /// <summary>dpkg keeps its native and foreign architectures in this file, one per line.</summary>
    private const string DpkgArchitectureFile = "/var/lib/dpkg/arch";

    /// <summary>This machine, with the PATH of this process.</summary>
    public static HostFacts Current(bool arm64SysrootReady) => new(
        System.OperatingSystem.IsWindows() ? Windows : System.OperatingSystem.IsMacOS() ? MacOS : Linux,
        RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
        ToolOnPath.Exists,
        File.Exists,
        File.Exists(DpkgArchitectureFile) ? File.ReadAllLines(DpkgArchitectureFile).Select(line => line.Trim()).Where(line => line.Length > 0).ToList() : [],
        arm64SysrootReady);
}
