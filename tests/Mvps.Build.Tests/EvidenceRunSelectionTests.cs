namespace Mvps.Build.Tests;

/// <summary>The --runs parameter switches each variation on and off; run a is the reference and always runs.</summary>
public sealed class EvidenceRunSelectionTests
{
    [Fact]
    public void All_four_runs_are_known_with_two_instruction_sets()
    {
        var runs = EvidenceRun.Select(["a", "b", "arm64", "aot"]);

        Assert.Equal(["a", "b", "arm64", "aot"], runs.Select(run => run.Name));
        Assert.Equal(["arm64", "x64"], runs.Select(run => run.InstructionSet).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(4, runs.Select(run => run.Description).Distinct().Count());
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

        Assert.DoesNotContain(runs, run => run.Kind is EvidenceRunKind.Arm64Emulated or EvidenceRunKind.NativeAot);
    }

    [Fact]
    public void An_unknown_run_is_rejected_with_the_known_names()
    {
        var error = Assert.Throws<Mvps.Build.Engine.BuildException>(() => EvidenceRun.Select(["a", "riscv"]));

        Assert.Contains("riscv", error.Message);
        Assert.Contains("Known: a, b, arm64, aot", error.Message);
    }
}
