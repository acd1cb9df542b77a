namespace Mvps.Build.Tests;

/// <summary>The --runs parameter switches each variation on and off; run a is the reference and always runs.</summary>
public sealed class EvidenceRunSelectionTests
{
    [Fact]
    public void All_five_runs_are_known_with_two_instruction_sets_and_two_runtimes()
    {
        var runs = EvidenceRun.Select(["a", "b", "arm64", "aot", "net8"]);

        Assert.Equal(["a", "b", "arm64", "aot", "net8"], runs.Select(run => run.Name));
        Assert.Equal(["arm64", "x64"], runs.Select(run => run.InstructionSet).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal([".NET 10", ".NET 8"], runs.Select(run => run.Runtime).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(5, runs.Select(run => run.Description).Distinct().Count());
    }

    [Fact]
    public void The_default_runs_are_every_known_run()
    {
        // A run added to EvidenceRun.Known but not to the Runs default would never run in ./build.sh Evidence.
        var field = typeof(global::Build).GetField("Runs", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        var defaults = (string[])field.GetValue(new global::Build())!;

        Assert.Equal(EvidenceRun.Known.Select(run => run.Name), defaults);
    }

    [Fact]
    public void Only_the_net8_run_runs_on_another_runtime()
    {
        Assert.Equal(["net8"], EvidenceRun.Known.Where(run => run.Runtime != EvidenceRun.Plain.Runtime).Select(run => run.Name));
        Assert.Equal(EvidenceRunKind.Net8Runtime, EvidenceRun.Net8.Kind);
    }

    [Fact]
    public void Run_a_is_always_first_even_when_not_named()
    {
        var runs = EvidenceRun.Select(["aot", "arm64"]);

        Assert.Equal(["a", "arm64", "aot"], runs.Select(run => run.Name));
    }

    [Fact]
    public void A_variation_can_be_switched_off()
    {
        var runs = EvidenceRun.Select(["a", "b"]);

        Assert.DoesNotContain(runs, run => run.Kind is EvidenceRunKind.Arm64Emulated or EvidenceRunKind.NativeAot or EvidenceRunKind.Net8Runtime);
    }

    [Fact]
    public void An_unknown_run_is_rejected_with_the_known_names()
    {
        var error = Assert.Throws<Mvps.Build.Engine.BuildException>(() => EvidenceRun.Select(["a", "riscv"]));

        Assert.Contains("riscv", error.Message);
        Assert.Contains("Known: a, b, arm64, aot, net8", error.Message);
    }
}
