using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mvps.Build.Tests;

/// <summary>
/// The public surface of the product projects is declared and documented (docs/architecture.md, "Public
/// surface"): every project under src/ has its PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt and builds
/// with the analyzer, no file under src/ (nor the props it imports) turns the rules or CS1591 off, the tool
/// declares nothing, and InternalsVisibleTo names test projects only. A copy of the codec proves the rules
/// bite: an unlisted, undocumented public type fails its build with RS0016 and CS1591.
/// </summary>
public sealed partial class PublicApiTests
{
    private static readonly string[] GuardedDiagnostics = ["CS1591", "RS0016", "RS0017"];

    private static string Src => Path.Combine(RepositoryRoot.Path, "src");

    private static IEnumerable<string> ProductProjects => Directory.EnumerateFiles(Src, "*.csproj", SearchOption.AllDirectories);

    [Fact]
    public void Every_product_project_has_both_PublicAPI_files_and_builds_with_the_analyzer_and_its_documentation()
    {
        Assert.NotEmpty(ProductProjects);
        foreach (var project in ProductProjects)
        {
            foreach (var name in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                var file = Path.Combine(Path.GetDirectoryName(project)!, name);
                Assert.True(File.Exists(file), $"{Path.GetRelativePath(RepositoryRoot.Path, file)} is missing");
                Assert.Equal("#nullable enable", File.ReadLines(file).First());
            }

            // The analyzer package adds both files beside the project; each must reach the analyzer exactly once
            // (a second copy made dotnet format warn of a duplicate source file).
            var evaluated = ExternalProgram.Run("dotnet", "msbuild", project, "-getItem:AdditionalFiles", "-p:Configuration=Release");
            Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
            using var items = System.Text.Json.JsonDocument.Parse(evaluated.StandardOutput);
            var additionalFiles = items.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
                .Select(item => item.GetProperty("FullPath").GetString()!).ToList();
            foreach (var name in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                Assert.Single(additionalFiles, file => file == Path.Combine(Path.GetDirectoryName(project)!, name));
            }
        }

        var props = XDocument.Load(Path.Combine(Src, "Directory.Build.props"));
        Assert.Contains(props.Descendants("PackageReference"), item => (string?)item.Attribute("Include") == "Microsoft.CodeAnalysis.PublicApiAnalyzers");
        Assert.Contains(props.Descendants("GenerateDocumentationFile"), item => item.Value == "true");

        var config = File.ReadAllText(Path.Combine(Src, "PublicApi.globalconfig"));
        Assert.Contains("dotnet_diagnostic.RS0016.severity = error", config, StringComparison.Ordinal);
        Assert.Contains("dotnet_diagnostic.RS0017.severity = error", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_under_src_or_in_the_props_it_imports_turns_the_public_API_rules_or_CS1591_off()
    {
        var settings = Directory.EnumerateFiles(Src, "*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".csproj", StringComparison.Ordinal) || file.EndsWith(".props", StringComparison.Ordinal)
                || file.EndsWith(".targets", StringComparison.Ordinal) || file.EndsWith(".globalconfig", StringComparison.Ordinal)
                || file.EndsWith(".editorconfig", StringComparison.Ordinal));
        // The repository's props set GenerateDocumentationFile false for tests and build; src/Directory.Build.props
        // turns it back on after importing them, so only their warning settings are checked here.
        var imported = new[] { "Directory.Build.props", ".editorconfig" }.Select(name => Path.Combine(RepositoryRoot.Path, name)).Where(File.Exists);
        var sources = Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories);

        var offenders = settings.SelectMany(file => SuppressionsIn(File.ReadAllText(file)).Select(what => $"{Rel(file)}: {what}"))
            .Concat(imported.SelectMany(file => SuppressionsIn(File.ReadAllText(file)).Where(what => !what.StartsWith("GenerateDocumentationFile", StringComparison.Ordinal)).Select(what => $"{Rel(file)}: {what}")))
            .Concat(sources.SelectMany(file => PragmasIn(File.ReadAllText(file)).Select(what => $"{Rel(file)}: {what}")))
            .ToList();

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void A_NoWarn_a_severity_none_and_a_pragma_are_each_found()
    {
        Assert.Equal(["NoWarn CS1591"], SuppressionsIn("<NoWarn>$(NoWarn);CS1591</NoWarn>"));
        Assert.Equal(["severity of RS0016 lowered"], SuppressionsIn("dotnet_diagnostic.RS0016.severity = none"));
        Assert.Equal(["GenerateDocumentationFile false"], SuppressionsIn("<GenerateDocumentationFile>false</GenerateDocumentationFile>"));
        Assert.Equal(["#pragma warning disable RS0016"], PragmasIn("#pragma warning disable RS0016 // why"));
        Assert.Equal(["#pragma warning disable CS1591"], PragmasIn("#pragma warning disable RS0030, CS1591"));
        Assert.Empty(SuppressionsIn("dotnet_diagnostic.RS0017.severity = error\n<NoWarn>$(NoWarn);NU1603</NoWarn>"));
    }

    [Fact]
    public void The_tool_declares_no_public_API()
    {
        foreach (var name in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            var lines = File.ReadAllLines(Path.Combine(Src, "Mvps.Tool", name)).Where(line => line.Length > 0);
            Assert.Equal(["#nullable enable"], lines);
        }
    }

    [Fact]
    public void InternalsVisibleTo_names_test_projects_only()
    {
        var testProjects = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "tests"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);

        var friends = ProductProjects.SelectMany(project => XDocument.Load(project).Descendants("InternalsVisibleTo")
            .Select(item => (Project: Rel(project), Friend: (string?)item.Attribute("Include") ?? ""))).ToList();

        Assert.NotEmpty(friends);
        var strangers = friends.Where(f => !testProjects.Contains(f.Friend)).Select(f => $"{f.Project}: {f.Friend}").ToList();
        Assert.True(strangers.Count == 0, "not a project under tests/:\n" + string.Join("\n", strangers));
    }

    [ToolFact("dotnet")]
    public void An_unlisted_undocumented_public_type_fails_the_codec_build()
    {
        using var codec = new CodecProjectCopy();
        codec.AddSource("Unlisted.cs", """
            namespace Mvps.Codec;

            public static class Unlisted
            {
                public static int Answer => 42;
            }
            """);

        var result = codec.Build();
        var errors = (result.StandardOutput + result.StandardError).Split('\n')
            .Where(line => line.Contains("Unlisted.cs", StringComparison.Ordinal)).ToList();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(errors, line => line.Contains("error RS0016", StringComparison.Ordinal) && line.Contains("Unlisted", StringComparison.Ordinal));
        Assert.Contains(errors, line => line.Contains("error CS1591", StringComparison.Ordinal) && line.Contains("Unlisted.Answer", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SuppressionsIn(string text)
    {
        foreach (Match match in NoWarnPattern().Matches(text))
        {
            foreach (var id in GuardedDiagnostics.Where(id => match.Groups[1].Value.Contains(id, StringComparison.Ordinal)))
            {
                yield return $"{match.Groups["tag"].Value} {id}";
            }
        }

        foreach (Match match in SeverityPattern().Matches(text))
        {
            if (GuardedDiagnostics.Contains(match.Groups["id"].Value, StringComparer.Ordinal) && match.Groups["level"].Value != "error")
            {
                yield return $"severity of {match.Groups["id"].Value} lowered";
            }
        }

        if (text.Contains("<GenerateDocumentationFile>false</GenerateDocumentationFile>", StringComparison.Ordinal))
        {
            yield return "GenerateDocumentationFile false";
        }
    }

    private static IEnumerable<string> PragmasIn(string source) =>
        PragmaPattern().Matches(source).SelectMany(match => match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
            .Where(id => GuardedDiagnostics.Contains(id, StringComparer.Ordinal))
            .Select(id => $"#pragma warning disable {id}");

    private static string Rel(string path) => Path.GetRelativePath(RepositoryRoot.Path, path);

    [GeneratedRegex(@"<(?<tag>NoWarn|WarningsNotAsErrors)>([^<]*)</\k<tag>>")]
    private static partial Regex NoWarnPattern();

    [GeneratedRegex(@"dotnet_diagnostic\.(?<id>\w+)\.severity\s*=\s*(?<level>\w+)")]
    private static partial Regex SeverityPattern();

    [GeneratedRegex(@"#pragma\s+warning\s+disable\s+(?<ids>\w+(\s*,\s*\w+)*)")]
    private static partial Regex PragmaPattern();
}
