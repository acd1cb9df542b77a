using Mvps.Build.Engine;
using ProcessResult = Mvps.Build.Engine.ProcessResult; // the build engine's runner, as the build starts these programs

namespace Mvps.Build.Tests;

/// <summary>
/// The fresh machine, for real: the build program runs in a subprocess with a PATH on which qemu-aarch64-static,
/// clang, gcc and reprotest do not exist (every other program of this machine's PATH is linked into it). Locally
/// `SelectRuns` — the first target of `./build.sh Evidence`, which decides the runs and stops when run alone — makes a,
/// b and net8, names the others with their install lines and exits 0; with CI=true (the engine's server detection) it
/// exits 1 naming the same. The selection itself is unit-tested in <see cref="EvidenceRunSelectionTests"/>; the rest of
/// the pipeline runs in `./build.sh Evidence`.
/// </summary>
public sealed class EvidenceOnAFreshMachineTests : IDisposable
{
    private static readonly string[] Hidden = ["qemu-aarch64-static", "clang", "gcc", "reprotest"];

    private static readonly string[] ServerVariables = ["CI", "TF_BUILD", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"];

    private readonly TempFolder _path = new();

    public void Dispose() => _path.Dispose();

    /// <summary>A folder of links to every program on PATH except <see cref="Hidden"/>: the machine without those tools.</summary>
    private string PathWithout()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Where(Directory.Exists))
        {
            foreach (var program in Directory.GetFiles(folder))
            {
                var link = _path.File(Path.GetFileName(program));
                if (!Hidden.Contains(Path.GetFileName(program)) && !File.Exists(link) && !Directory.Exists(link))
                {
                    File.CreateSymbolicLink(link, program);
                }
            }
        }

        return _path.Path;
    }

    private ProcessResult RunBuild(bool server)
    {
        var buildProgram = Path.Combine(AppContext.BaseDirectory, "_build.dll");
        var dotnet = ToolOnPath.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
        var environment = ServerVariables.ToDictionary(name => name, _ => (string?)null);
        environment["PATH"] = PathWithout();
        if (server)
        {
            environment["CI"] = "true";
        }

        return ProcessTasks.StartProcess(dotnet, [buildProgram, "SelectRuns", "--root", RepositoryRoot.Path], RepositoryRoot.Path, environment, throwOnFailure: false, logOutput: false);
    }

    private static void AssertNamesTheMissingRuns(string output)
    {
        TextAssert.ContainsAll(output,
            "3 of 6 runs (a b net8)",
            "arm64 (apt-get install qemu-user-static",
            "aot (apt-get install clang",
            "reprotest (apt-get install reprotest");
    }

    [LinuxX64Fact]
    public void Locally_the_build_makes_what_it_can_and_names_the_rest()
    {
        var result = RunBuild(server: false);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        AssertNamesTheMissingRuns(result.StandardOutput);
        Assert.Contains("Build succeeded.", result.StandardOutput);
        var lastLine = result.StandardOutput.TrimEnd('\n').Split('\n')[^1];
        Assert.StartsWith("Evidence runs: 3 of 6 runs (a b net8), 1 ISA, 2 runtimes — not run here: arm64 (apt-get install qemu-user-static", lastLine);
    }

    [LinuxX64Fact]
    public void On_a_build_server_the_same_machine_fails_with_the_install_lines()
    {
        var result = RunBuild(server: true);

        Assert.Equal(1, result.ExitCode);
        AssertNamesTheMissingRuns(result.StandardOutput);
        Assert.Contains("ERROR: SelectRuns: on a build server every run this platform can make is required, and 3 cannot be made here", result.StandardOutput);
        Assert.Contains("Build failed.", result.StandardOutput);
    }
}

/// <summary>A [Fact] skipped, with the reason, off linux-x64: the fresh machine is a Debian x64 machine.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class LinuxX64FactAttribute : FactAttribute
{
    public LinuxX64FactAttribute()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Skip = "the fresh machine of issue 21 is a Debian x64 machine; this host is " + System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        }
    }
}
