using System.Text.RegularExpressions;

namespace Mvps.Tests.Shared;

/// <summary>The parts of a Markdown page that tests run or compare: a section under a heading, and fenced code blocks.</summary>
public static partial class Markdown
{
    /// <summary>The text from the line <paramref name="heading"/> to the next heading of its level (or the end).</summary>
    public static string Section(string markdown, string heading)
    {
        var text = markdown.ReplaceLineEndings("\n");
        var start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{heading}'");
        var level = heading[..(heading.IndexOf(' ', StringComparison.Ordinal) + 1)];
        var end = text.IndexOf("\n" + level, start + heading.Length + 1, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    /// <summary>
    /// The contents (each with its final newline) of the fenced blocks whose info string is one of
    /// <paramref name="languages"/> (```sh, ```python, ...), in order. A fence may be indented (a block inside a list
    /// item), and a closing fence need not match its opener's indentation, so an indented block of another language
    /// never puts the fences after it out of step.
    /// </summary>
    public static List<string> FencedBlocks(string markdown, params string[] languages)
    {
        var text = markdown.ReplaceLineEndings("\n");
        List<string> blocks = [.. FencedBlock().Matches(text).Where(block => languages.Contains(block.Groups["info"].Value)).Select(block => block.Groups["code"].Value)];

        // Counted a second way, line by line: a fence the pattern paired wrongly would drop a documented step silently.
        var openers = text.Split('\n').Count(line => line.TrimStart(' ', '\t') is var fence && fence.StartsWith("```", StringComparison.Ordinal)
            && languages.Contains(fence[3..].TrimEnd(' ', '\t')));
        Assert.True(blocks.Count == openers, $"{openers} fence(s) open a {string.Join('/', languages)} block, but {blocks.Count} block(s) were read");
        return blocks;
    }

    [GeneratedRegex(@"^[ \t]*```(?<info>[^\n`]*)\n(?<code>.*?)^[ \t]*```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
