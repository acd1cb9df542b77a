using System.Runtime.InteropServices;

/// <summary>
/// What NativeAOT needs on a linux-x64 host besides the ILCompiler packages (restored from NuGet by the
/// publish): a C toolchain as linker driver (clang, else gcc; the GNU linker from binutils) and zlib's
/// development library (the runtime links -lz).
/// </summary>
static class NativeAotToolchain
{
    static readonly string[] LibraryFolders = ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib"];

    /// <summary>Null when a linux-x64 NativeAOT publish can run here, otherwise what is missing and the command that installs it (the build fails with it).</summary>
    public static string? MissingPrerequisite(Func<string, bool>? toolExists = null)
    {
        toolExists ??= ToolOnPath.Exists;
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return $"the aot run publishes for linux-x64 on a linux-x64 host; this host is {RuntimeInformation.RuntimeIdentifier}";
        }

        if (!toolExists("clang") && !toolExists("gcc"))
        {
            return "neither clang nor gcc is on PATH (NativeAOT links with one of them; install: apt-get install -y clang)";
        }

        if (!toolExists("ld"))
        {
            return "the linker ld is not on PATH (install: apt-get install -y binutils)";
        }

        if (!LibraryFolders.Any(folder => File.Exists(Path.Combine(folder, "libz.so")) || File.Exists(Path.Combine(folder, "libz.a"))))
        {
            return "zlib's development library (libz.so) is missing (install: apt-get install -y zlib1g-dev)";
        }

        return null;
    }
}
