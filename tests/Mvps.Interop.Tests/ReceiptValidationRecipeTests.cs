using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>
/// Runs every step of the receipt's `validation` recipe exactly as written, with bash from evidence/, the
/// folder that holds the receipt (mvps on PATH through a shim that runs the built CLI: a clone has no package
/// for the step's release-folder `setup`), and compares stdout with `expectedOutput`.
/// ReleaseFolderRecipeTests runs the same recipe in a copy of a release folder, `setup` included.
/// One theory case per step id, so a broken step is named. Steps are grouped by the program they start with
/// so a missing program skips only its own steps.
/// </summary>
public sealed class ReceiptValidationRecipeTests
{
    /// <summary>First word of a step's command => the programs it needs besides bash.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> KnownPrograms = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["sha256sum"] = ["sha256sum"],
        ["capinfos"] = ["capinfos"],
        ["tshark"] = ["tshark", "wc"],
        ["python3"] = ["python3"],
        ["mvps"] = ["dotnet"],
    };

    public static TheoryData<string> StepsStartingWith(string program)
    {
        var data = new TheoryData<string>();
        foreach (var step in EvidenceReceipt.CommittedReceipt.Validation.Where(step => FirstWord(step.Command) == program))
        {
            data.Add(step.Id);
        }

        return data;
    }

    [Fact]
    public void Every_step_is_covered_by_one_of_the_theories_below_and_ids_are_unique()
    {
        var steps = EvidenceReceipt.CommittedReceipt.Validation;

        Assert.NotEmpty(steps);
        Assert.Equal(steps.Count, steps.Select(step => step.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(steps, step => Assert.True(
            KnownPrograms.ContainsKey(FirstWord(step.Command)),
            $"step '{step.Id}' starts with '{FirstWord(step.Command)}', which no theory here runs: add it to {nameof(KnownPrograms)}"));
        Assert.All(steps, step => Assert.False(string.IsNullOrWhiteSpace(step.Claim), $"step '{step.Id}' has no claim"));
    }

    [Fact]
    public void Every_step_names_files_relative_to_the_receipts_folder_and_only_the_mvps_step_has_a_setup()
    {
        var steps = EvidenceReceipt.CommittedReceipt.Validation;

        Assert.All(steps, step => Assert.DoesNotContain("evidence/", step.Command + step.ExpectedOutput, StringComparison.Ordinal));
        Assert.All(steps, step => Assert.DoesNotContain("tools/", step.Command, StringComparison.Ordinal));
        Assert.Equal(["mvps-verify"], steps.Where(step => step.Setup is not null).Select(step => step.Id));
        Assert.All(steps.Where(step => FirstWord(step.Command) == "tshark" && step.Command.Contains("lua_script:", StringComparison.Ordinal)),
            step => Assert.StartsWith("tshark -X lua_script:mvps_dissector.lua ", step.Command, StringComparison.Ordinal));
    }

    [ToolTheory("bash", "sha256sum")]
    [MemberData(nameof(StepsStartingWith), "sha256sum")]
    public void Sha256sum_step(string id) => RunStep(id);

    [ToolTheory("bash", "capinfos")]
    [MemberData(nameof(StepsStartingWith), "capinfos")]
    public void Capinfos_step(string id) => RunStep(id);

    [ToolTheory("bash", "tshark", "wc")]
    [MemberData(nameof(StepsStartingWith), "tshark")]
    public void Tshark_step(string id) => RunStep(id);

    [ToolTheory("bash", "python3")]
    [MemberData(nameof(StepsStartingWith), "python3")]
    public void Python_step(string id) => RunStep(id);

    [ToolTheory("bash", "dotnet")]
    [MemberData(nameof(StepsStartingWith), "mvps")]
    public void Mvps_step(string id) => RunStep(id);

    private static void RunStep(string id)
    {
        var step = EvidenceReceipt.CommittedReceipt.Validation.Single(candidate => candidate.Id == id);

        var result = ExternalProgram.Run("bash", ["-c", step.Command], RepositoryLayout.EvidenceDirectory, pathPrefix: MvpsCli.ShimDirectory);

        Assert.True(result.ExitCode == 0, $"step '{id}' exited {result.ExitCode}\ncommand: {step.Command}\nstderr: {result.StandardError}");
        var output = result.StandardOutput.EndsWith('\n') ? result.StandardOutput[..^1] : result.StandardOutput;
        Assert.Equal(step.ExpectedOutput, output);
    }

    private static string FirstWord(string command) =>
        command.TrimStart().Split([' ', '\t', '\n'], 2)[0];
}
