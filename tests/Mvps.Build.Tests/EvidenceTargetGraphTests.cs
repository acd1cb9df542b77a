using Mvps.Build.Engine;

namespace Mvps.Build.Tests;

/// <summary>The card's target graph, as `./build.sh --help` and `--plan Evidence` show it: the run selection comes first.</summary>
public sealed class EvidenceTargetGraphTests
{
    private static (int ExitCode, string Output) RunBuild(params string[] args)
    {
        using var writer = new StringWriter();
        var exitCode = BuildRunner.Run(new global::Build(), args, _ => null, RepositoryRoot.Path, writer, ["Compile"]);
        return (exitCode, writer.ToString());
    }

    [Fact]
    public void Help_lists_every_target_of_the_card()
    {
        var (exitCode, output) = RunBuild("--help");

        Assert.Equal(0, exitCode);
        var listed = output.Split('\n').Select(line => line.Trim().Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var target in new[] { "SelectRuns", "Compile", "Generate", "GenerateVariant", "Diff", "Receipt", "Snapshot", "Evidence", "Accept" })
        {
            Assert.Contains(target, listed);
        }
    }

    [Fact]
    public void Plan_of_Evidence_runs_the_card_in_order_with_Reproduce()
    {
        var (exitCode, output) = RunBuild("--plan", "Evidence");

        Assert.Equal(0, exitCode);
        var planned = output.Split('\n').Skip(1).Where(line => line.Length > 0).Select(line => line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToList();
        var card = new[] { "SelectRuns", "Compile", "Generate", "GenerateVariant", "Diff", "Receipt", "Snapshot", "Evidence" };
        Assert.Equal(card, planned.Where(card.Contains));
        Assert.Contains("Reproduce", planned);
        Assert.True(planned.IndexOf("Reproduce") < planned.IndexOf("Evidence"));
    }

    [Fact]
    public void The_graph_in_docs_build_md_is_the_plan_the_build_prints()
    {
        var (exitCode, output) = RunBuild("--plan", "Evidence");
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "build.md"));
        var start = doc.IndexOf("Execution plan for Evidence:", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/build.md shows the plan of Evidence");
        var block = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.Equal(0, exitCode);
        Assert.Equal(Lines(output), Lines(block));

        static string[] Lines(string text) => text.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToArray();
    }
}
