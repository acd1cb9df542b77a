namespace Mvps.Build.Tests;

/// <summary>
/// Which runs a build makes: --runs auto (the default) makes what the machine can and names the rest with their
/// install line; a build server or --runs all requires every run; a list works as before. The selection is a pure
/// function of the host's facts, so Linux, macOS and Windows are described here rather than needed.
/// </summary>
public sealed class EvidenceRunSelectionTests
{
    private static readonly string[] Everything =
        ["qemu-aarch64-static", "apt-get", "dpkg-deb", "clang", "gcc", "ld", "reprotest", "disorderfs", "faketime"];

    /// <summary>A Debian x64 machine with every tool .ci/run installs.</summary>
    private static HostFacts LinuxX64(params string[] programs) => new(
        HostFacts.Linux, "x64",
        programs.Contains, path => path == "/usr/lib/x86_64-linux-gnu/libz.so" && programs.Contains("zlib1g-dev"),
        programs.Contains("dpkg-arm64") ? ["amd64", "arm64"] : ["amd64"],
        Arm64SysrootReady: false);

    /// <summary>A fresh Debian 12 machine: the .NET SDK and the base system (apt, dpkg), nothing else.</summary>
    private static HostFacts FreshDebian => LinuxX64("apt-get", "dpkg-deb");

    private static HostFacts FullDebian => LinuxX64([.. Everything, "zlib1g-dev", "dpkg-arm64"]);

    private static HostFacts MacOS(bool xcode) => new(HostFacts.MacOS, "arm64", name => xcode && name == "clang", _ => false, [], false);

    private static HostFacts Windows(bool visualStudio) => new(HostFacts.Windows, "x64", _ => false, path => visualStudio && path.EndsWith("vswhere.exe", StringComparison.Ordinal), [], false);

    private static string[] Names(IEnumerable<EvidenceRun> runs) => runs.Select(run => run.Name).ToArray();

    [Fact]
    public void Six_runs_are_known_with_two_instruction_sets_and_two_runtimes()
    {
        var runs = EvidenceRun.Select(["a", "b", "arm64", "aot", "net8", "reprotest"]);

        Assert.Equal(["a", "b", "arm64", "aot", "net8", "reprotest"], Names(runs));
        Assert.Equal(EvidenceRun.Known, runs);
        Assert.Equal(2, runs.Select(run => run.InstructionSet).Distinct().Count());
        Assert.Contains("arm64", runs.Select(run => run.InstructionSet));
        Assert.Equal([".NET 10", ".NET 8"], runs.Select(run => run.Runtime).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(6, runs.Select(run => run.Description).Distinct().Count());
        Assert.All(runs, run => Assert.NotEmpty(run.Variations));
    }

    [Fact]
    public void The_default_is_auto()
    {
        var field = typeof(global::Build).GetField("Runs", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;

        Assert.Equal(["auto"], (string[])field.GetValue(new global::Build())!);
    }

    [Fact]
    public void A_fresh_Debian_machine_makes_a_b_and_net8_and_names_the_others_with_their_install_lines()
    {
        var selection = RunSelection.Resolve(["auto"], isServerBuild: false, FreshDebian);

        Assert.False(selection.Failed);
        Assert.Equal(["a", "b", "net8"], Names(selection.Runs));
        Assert.Equal(
            "3 of 6 runs (a b net8), 1 ISA, 2 runtimes — not run here: arm64 (apt-get install qemu-user-static && dpkg --add-architecture arm64 && apt-get update), "
            + "aot (apt-get install clang zlib1g-dev), reprotest (apt-get install reprotest disorderfs faketime)",
            selection.Describe());
    }

    [Fact]
    public void On_a_build_server_the_same_machine_fails_naming_every_install_line()
    {
        var selection = RunSelection.Resolve(["auto"], isServerBuild: true, FreshDebian);

        Assert.True(selection.Failed);
        Assert.True(selection.Strict);
        Assert.Equal(["arm64", "aot", "reprotest"], Names(selection.Missing.Select(item => item.Run)));
        var message = selection.FailureMessage(isServerBuild: true);
        Assert.Contains("on a build server every run this platform can make is required", message);
        Assert.Contains("(install: apt-get install qemu-user-static && dpkg --add-architecture arm64 && apt-get update)", message);
        Assert.Contains("(install: apt-get install reprotest disorderfs faketime)", message);
    }

    [Fact]
    public void Only_what_is_missing_is_installed()
    {
        // gcc links NativeAOT as well as clang does; only zlib's headers are missing then.
        var selection = RunSelection.Resolve(["auto"], isServerBuild: false, LinuxX64("apt-get", "dpkg-deb", "gcc", "ld", "reprotest", "disorderfs", "qemu-aarch64-static", "dpkg-arm64"));

        Assert.Equal(["a", "b", "arm64", "net8"], Names(selection.Runs));
        Assert.Equal(["aot (apt-get install zlib1g-dev)", "reprotest (apt-get install faketime)"], selection.NotRunHere.Select(item => item.ToString()));
    }

    [Fact]
    public void With_everything_installed_every_run_is_made_locally_and_on_a_server()
    {
        foreach (var server in new[] { false, true })
        {
            var selection = RunSelection.Resolve(["auto"], server, FullDebian);

            Assert.False(selection.Failed);
            Assert.Equal(Names(EvidenceRun.Known), Names(selection.Runs));
            Assert.Empty(selection.NotRunHere);
            Assert.Equal("6 of 6 runs (a b arm64 aot net8 reprotest), 2 ISAs, 2 runtimes", selection.Describe());
        }
    }

    [Fact]
    public void A_made_arm64_sysroot_stands_in_for_dpkgs_arm64_architecture()
    {
        var host = LinuxX64("qemu-aarch64-static") with { Arm64SysrootReady = true };

        Assert.Contains("arm64", Names(RunSelection.Resolve(["auto"], false, host).Runs));
    }

    [Fact]
    public void On_macOS_with_Xcode_the_runs_are_a_b_aot_and_net8_and_arm64_and_reprotest_are_impossible_not_missing()
    {
        var selection = RunSelection.Resolve(["auto"], isServerBuild: false, MacOS(xcode: true));

        Assert.Equal(["a", "b", "aot", "net8"], Names(selection.Runs));
        Assert.Equal(["arm64", "reprotest"], Names(selection.NotRunHere.Select(item => item.Run)));
        Assert.All(selection.NotRunHere, item => Assert.Null(item.InstallLine));
        Assert.Contains("needs a linux-x64 host (qemu's user-mode emulation is Linux-only); this host is osx-arm64", selection.NotRunHere[0].Reason);

        // A macOS build server requires what macOS can make, not what it never can.
        var server = RunSelection.Resolve(["auto"], isServerBuild: true, MacOS(xcode: true));
        Assert.False(server.Failed);
        Assert.Equal(["a", "b", "aot", "net8"], Names(server.Runs));
    }

    [Fact]
    public void On_macOS_without_Xcode_aot_asks_for_the_command_line_tools_and_a_server_fails()
    {
        var local = RunSelection.Resolve(["auto"], isServerBuild: false, MacOS(xcode: false));
        Assert.Equal(["a", "b", "net8"], Names(local.Runs));
        Assert.Contains("aot (xcode-select --install)", local.NotRunHere.Select(item => item.ToString()));

        var server = RunSelection.Resolve(["auto"], isServerBuild: true, MacOS(xcode: false));
        Assert.True(server.Failed);
        Assert.Equal(["aot"], Names(server.Missing.Select(item => item.Run)));
    }

    [Fact]
    public void On_Windows_aot_needs_Visual_Studios_Cpp_tools()
    {
        var without = RunSelection.Resolve(["auto"], isServerBuild: false, Windows(visualStudio: false));
        Assert.Equal(["a", "b", "net8"], Names(without.Runs));
        Assert.Contains("Desktop development with C++", without.NotRunHere.Single(item => item.Run.Name == "aot").InstallLine);
        Assert.Null(without.NotRunHere.Single(item => item.Run.Name == "reprotest").InstallLine);

        var with = RunSelection.Resolve(["auto"], isServerBuild: true, Windows(visualStudio: true));
        Assert.False(with.Failed);
        Assert.Equal(["a", "b", "aot", "net8"], Names(with.Runs));
    }

    [Fact]
    public void On_linux_arm64_the_emulated_arm64_run_is_moot_and_the_rest_can_be_installed()
    {
        var host = FullDebian with { Architecture = "arm64" };

        var selection = RunSelection.Resolve(["auto"], isServerBuild: true, host);

        Assert.False(selection.Failed);
        Assert.Equal(["a", "b", "aot", "net8", "reprotest"], Names(selection.Runs));
        Assert.Contains("run a already runs arm64 code", selection.NotRunHere.Single().Reason);
    }

    [Fact]
    public void Runs_all_requires_every_run_even_one_the_platform_cannot_make()
    {
        Assert.False(RunSelection.Resolve(["all"], isServerBuild: false, FullDebian).Failed);

        var mac = RunSelection.Resolve(["all"], isServerBuild: false, MacOS(xcode: true));
        Assert.True(mac.Failed);
        Assert.Equal(["arm64", "reprotest"], Names(mac.Missing.Select(item => item.Run)));
        Assert.StartsWith("--runs all are required", mac.FailureMessage(isServerBuild: false));

        var fresh = RunSelection.Resolve(["all"], isServerBuild: false, FreshDebian);
        Assert.True(fresh.Failed);
        Assert.Equal(["a", "b", "net8"], Names(fresh.Runs));
    }

    [Fact]
    public void A_list_is_required_as_asked_and_unlisted_runs_are_not_reported_as_missing()
    {
        var selection = RunSelection.Resolve(["b"], isServerBuild: false, FreshDebian);
        Assert.False(selection.Failed);
        Assert.Equal(["a", "b"], Names(selection.Runs));
        Assert.Empty(selection.NotRunHere);

        var aot = RunSelection.Resolve(["aot", "a"], isServerBuild: false, FreshDebian);
        Assert.True(aot.Failed);
        Assert.Contains("aot: clang (or gcc) with the linker ld, zlib's development library (libz.so) are missing (install: apt-get install clang zlib1g-dev)", aot.FailureMessage(false));
        Assert.Contains("--runs a b", aot.FailureMessage(false));
    }

    [Fact]
    public void Run_a_is_always_first_even_when_not_named()
    {
        Assert.Equal(["a", "arm64", "aot"], Names(EvidenceRun.Select(["aot", "arm64"])));
    }

    [Fact]
    public void An_unknown_run_or_a_mix_of_auto_and_names_is_rejected()
    {
        var unknown = Assert.Throws<Mvps.Build.Engine.BuildException>(() => RunSelection.Resolve(["a", "riscv"], false, FullDebian));
        Assert.Contains("riscv", unknown.Message);
        Assert.Contains("Known: a, b, arm64, aot, net8, reprotest", unknown.Message);

        var mixed = Assert.Throws<Mvps.Build.Engine.BuildException>(() => RunSelection.Resolve(["auto", "b"], false, FullDebian));
        Assert.Contains("give 'auto', 'all' or a list of run names, not both", mixed.Message);
    }
}
