namespace Mvps.Build.Tests;

/// <summary>
/// The repository's one code style (.editorconfig: `var` for locals, an explicit access modifier everywhere, internal
/// classes sealed) is checked by the build itself: a copy of the codec with one file that breaks each rule fails,
/// naming the rule and the line; the same file written the project's way builds.
/// </summary>
public sealed class CodeStyleTests
{
    [Fact]
    public void A_file_written_another_way_fails_the_build_naming_each_rule()
    {
        using var codec = new CodecProjectCopy();
        codec.AddSource("OtherStyle.cs", """
            namespace Mvps.Codec;

            class OtherStyle
            {
                static int Sum()
                {
                    int total = 0;
                    return total;
                }
            }
            """);

        var result = codec.Build();
        var errors = (result.StandardOutput + result.StandardError).Split('\n')
            .Where(line => line.Contains("OtherStyle.cs", StringComparison.Ordinal)).ToList();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(errors, line => line.Contains("error IDE0007", StringComparison.Ordinal)); // int total → var total
        Assert.Contains(errors, line => line.Contains("error IDE0040", StringComparison.Ordinal)); // class / static int without a modifier
        Assert.Contains(errors, line => line.Contains("error CA1852", StringComparison.Ordinal)); // an internal class nothing derives from, not sealed
    }

    [Fact]
    public void The_same_file_in_the_projects_style_builds()
    {
        using var codec = new CodecProjectCopy();
        codec.AddSource("OwnStyle.cs", """
            namespace Mvps.Codec;

            internal sealed class OwnStyle
            {
                private static int Sum()
                {
                    var total = 0;
                    return total;
                }
            }
            """);

        var result = codec.Build();

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
    }

    [Fact]
    public void The_documented_format_command_rewrites_a_file_into_the_projects_style()
    {
        var command = DocumentedCommand("dotnet format style ");
        using var codec = new CodecProjectCopy();
        Assert.Equal(0, codec.Build().ExitCode); // restores the copy, which dotnet format needs
        codec.AddSource("OtherStyle.cs", """
            namespace Mvps.Codec;

            internal sealed class OtherStyle
            {
                static int Sum()
                {
                    int total = 0;
                    return total;
                }
            }
            """);

        var result = codec.RunFromRoot(command);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        var text = codec.ReadSource("OtherStyle.cs");
        Assert.Contains("var total = 0;", text, StringComparison.Ordinal);
        Assert.Contains("private static int Sum()", text, StringComparison.Ordinal);
        Assert.Equal(0, codec.Build().ExitCode);
    }

    /// <summary>The one `dotnet format …` command docs/architecture.md gives that starts with <paramref name="start"/>, exactly as written.</summary>
    internal static string DocumentedCommand(string start)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md")).Replace("\n", " ", StringComparison.Ordinal);
        var commands = System.Text.RegularExpressions.Regex.Matches(text, "`(" + System.Text.RegularExpressions.Regex.Escape(start) + "[^`]*)`")
            .Select(match => match.Groups[1].Value).ToList();
        return Assert.Single(commands);
    }
}
