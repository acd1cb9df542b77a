using Mvps.IO;
using Mvps.Build.Engine;

namespace Mvps.Build.Determinism;

/// <summary>
/// An arm64 root file system for qemu-aarch64-static -L: Debian's arm64 packages of the libraries a
/// self-contained .NET app loads, downloaded with apt-get and unpacked with dpkg-deb, never installed
/// system-wide. Nothing here is a build input of the evidence; it only lets a second ISA run the generator.
/// </summary>
internal static class Arm64Sysroot
{
    public const string Emulator = "qemu-aarch64-static";

    /// <summary>
    /// glibc (with libm and the dynamic loader), the C++ runtime the .NET host needs, OpenSSL (HMAC-SHA256 on
    /// Linux goes through it) and zlib. No libicu: the tool sets InvariantGlobalization.
    /// </summary>
    public static readonly string[] Packages = ["libc6", "libstdc++6", "libgcc-s1", "libssl3", "zlib1g"];

    /// <summary>The dynamic loader an arm64 glibc executable asks for; its presence marks a complete sysroot.</summary>
    private const string Loader = "lib/ld-linux-aarch64.so.1";

    private const string CompleteMarker = ".complete";

    /// <summary>The hash of apt's description of the packages the sysroot was made from.</summary>
    private const string FingerprintFile = ".inputs";

    /// <summary>
    /// Makes sure <paramref name="sysroot"/> holds the packages, downloading them when missing. Returns null when
    /// the arm64 run can go ahead, otherwise what is missing and the command that installs it (the build fails with it).
    /// </summary>
    public static string? Ensure(AbsolutePath sysroot, Func<string, bool>? toolExists = null)
    {
        // The platform and qemu are RunPrerequisites' to check (the selection never picks this run without them).
        toolExists ??= ToolOnPath.Exists;
        if (!toolExists("apt-get") || !toolExists("apt-cache") || !toolExists("dpkg-deb") || !toolExists("dpkg"))
        {
            return IsComplete(sysroot)
                ? null // made elsewhere, nothing here to check it against
                : $"the arm64 sysroot {sysroot} is missing and apt-get/apt-cache/dpkg-deb are not available to make it (a Debian or Ubuntu host is needed)";
        }

        var architectures = ProcessTasks.StartProcess("dpkg", ["--print-foreign-architectures"], logOutput: false, throwOnFailure: false);
        if (!architectures.StandardOutput.Split('\n').Contains("arm64"))
        {
            return "dpkg has no arm64 architecture, so the arm64 sysroot cannot be downloaded (install: dpkg --add-architecture arm64 && apt-get update)";
        }

        // What goes into the sysroot: the exact package versions and .deb hashes apt would download now. The
        // sysroot is reused only while that is unchanged (a Debian point release replaces it).
        var candidates = ProcessTasks.StartProcess("apt-cache", ["show", "--no-all-versions", .. Packages.Select(name => name + ":arm64")], logOutput: false, throwOnFailure: false);
        if (candidates.ExitCode != 0)
        {
            return "apt-cache knows no arm64 packages (install: apt-get update after dpkg --add-architecture arm64)";
        }

        var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(candidates.StandardOutput)));
        if (File.Exists(sysroot / Loader) && InputFingerprint.IsCurrent(sysroot / FingerprintFile, fingerprint))
        {
            return null;
        }

        Log.Information($"arm64 sysroot: downloading Debian's arm64 {string.Join(", ", Packages)} with apt-get download into {sysroot} (nothing is installed system-wide)");

        var downloads = sysroot.Parent / "arm64-debs";
        if (Directory.Exists(downloads))
        {
            Directory.Delete(downloads, recursive: true);
        }

        Directory.CreateDirectory(downloads);
        // apt-get download writes into the working directory; as root it would drop to the _apt user, which
        // cannot write here, so the download runs as the invoking user.
        var download = ProcessTasks.StartProcess(
            "apt-get",
            ["download", "-q", "-o", "APT::Sandbox::User=root", .. Packages.Select(name => name + ":arm64")],
            downloads,
            throwOnFailure: false);
        if (download.ExitCode != 0)
        {
            return $"apt-get download of the arm64 packages failed (exit code {download.ExitCode}): {download.StandardError.Split('\n').FirstOrDefault(line => line.Length > 0) ?? "no message"}";
        }

        if (Directory.Exists(sysroot))
        {
            Directory.Delete(sysroot, recursive: true);
        }

        Directory.CreateDirectory(sysroot);
        foreach (var deb in Directory.GetFiles(downloads, "*.deb").Order(StringComparer.Ordinal))
        {
            ProcessTasks.StartProcess("dpkg-deb", ["-x", deb, sysroot], logOutput: false);
        }

        if (!File.Exists(sysroot / Loader))
        {
            return $"the unpacked arm64 packages in {sysroot} have no {Loader}";
        }

        var packageList = string.Join("\n", Directory.GetFiles(downloads, "*.deb").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)) + "\n";
        AtomicFile.WriteAllText(sysroot / CompleteMarker, packageList);
        InputFingerprint.Record(sysroot / FingerprintFile, fingerprint);
        Directory.Delete(downloads, recursive: true);
        return null;
    }

    /// <summary>True when a sysroot was unpacked completely (it is then used even where apt cannot check it).</summary>
    public static bool IsComplete(AbsolutePath sysroot) => File.Exists(sysroot / CompleteMarker) && File.Exists(sysroot / Loader);

    /// <summary>The Debian package files the sysroot was made of, as recorded when it was unpacked.</summary>
    public static IReadOnlyList<string> Contents(AbsolutePath sysroot) =>
        File.Exists(sysroot / CompleteMarker)
            ? File.ReadAllLines(sysroot / CompleteMarker).Where(line => line.Length > 0).ToList()
            : [];
}
