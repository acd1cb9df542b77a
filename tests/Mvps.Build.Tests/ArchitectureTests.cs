using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mvps.Build.Tests;

/// <summary>
/// docs/architecture.md's dependency graph is the project references of src/ and build/, edge for edge:
/// a reference the page does not show, an edge the projects do not have and a project the page does not
/// list all fail, naming the edge.
/// </summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void The_documented_dependency_graph_equals_the_project_references()
    {
        var documented = ArchitectureGraph.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md")));
        var actual = ArchitectureGraph.FromProjects(RepositoryRoot.Path);

        Assert.Equal(actual.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        var problems = ArchitectureGraph.Differences(documented, actual);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_codec_references_no_project()
    {
        var actual = ArchitectureGraph.FromProjects(RepositoryRoot.Path);

        Assert.Empty(actual["Mvps.Codec"]);
        Assert.Equal(["Mvps.Codec"], actual["Mvps.Evidence"]);
    }

    [Fact]
    public void A_missing_and_an_extra_edge_are_both_reported()
    {
        var actual = new Dictionary<string, IReadOnlySet<string>>
        {
            ["A"] = new HashSet<string> { "B" },
            ["B"] = new HashSet<string>(),
        };
        var documented = ArchitectureGraph.Parse("""
            text
            ```dependencies
            A ->
            B -> A
            ```
            """);

        var problems = ArchitectureGraph.Differences(documented, actual);

        Assert.Equal(
        [
            "A -> B: a project reference that docs/architecture.md does not show",
            "B -> A: in docs/architecture.md but not a project reference",
        ], problems);
    }

    [Fact]
    public void The_graph_block_is_required()
    {
        var error = Assert.Throws<InvalidDataException>(() => ArchitectureGraph.Parse("# no graph here\n"));
        Assert.Contains("```dependencies", error.Message);
    }
}

/// <summary>The dependency graph as written in docs/architecture.md and as the project files state it.</summary>
internal static class ArchitectureGraph
{
    /// <summary>The lines of the ```dependencies block: "Project -> A, B" (nothing after the arrow: no references).</summary>
    public static Dictionary<string, IReadOnlySet<string>> Parse(string markdown)
    {
        var block = Regex.Match(markdown, "^```dependencies\\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
        if (!block.Success)
        {
            throw new InvalidDataException("docs/architecture.md has no ```dependencies block.");
        }

        var graph = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var line in block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split("->", 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new InvalidDataException($"docs/architecture.md: dependency line \"{line}\" is not \"Project -> A, B\".");
            }

            graph.Add(parts[0], parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal));
        }

        return graph;
    }

    /// <summary>Every project under src/ and build/, by file name, with the file names of the projects it references.</summary>
    public static Dictionary<string, IReadOnlySet<string>> FromProjects(string root)
    {
        var graph = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var folder in new[] { "src", "build" })
        {
            foreach (var project in Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories)
                         .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                        && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var references = XDocument.Load(project).Descendants("ProjectReference")
                    .Select(reference => Path.GetFileNameWithoutExtension(((string?)reference.Attribute("Include") ?? "").Replace('\\', '/')))
                    .ToHashSet(StringComparer.Ordinal);
                graph.Add(Path.GetFileNameWithoutExtension(project), references);
            }
        }

        return graph;
    }

    /// <summary>One line per edge that is in one graph and not the other, sorted.</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, IReadOnlySet<string>> documented, IReadOnlyDictionary<string, IReadOnlySet<string>> actual)
    {
        var problems = new List<string>();
        foreach (var (project, references) in actual)
        {
            var shown = documented.TryGetValue(project, out var edges) ? edges : new HashSet<string>();
            problems.AddRange(references.Where(reference => !shown.Contains(reference))
                .Select(reference => $"{project} -> {reference}: a project reference that docs/architecture.md does not show"));
        }

        foreach (var (project, edges) in documented)
        {
            var real = actual.TryGetValue(project, out var references) ? references : new HashSet<string>();
            problems.AddRange(edges.Where(edge => !real.Contains(edge))
                .Select(edge => $"{project} -> {edge}: in docs/architecture.md but not a project reference"));
        }

        problems.Sort(StringComparer.Ordinal);
        return problems;
    }
}
