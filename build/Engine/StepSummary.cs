using System.Text;

namespace Mvps.Build.Engine;

/// <summary>
/// The CI host's job summary (GitHub Actions: the file named by GITHUB_STEP_SUMMARY), as Nuke reports to it:
/// the build appends its summary table, and targets append every difference they found, in Markdown.
/// Without the variable nothing is written.
/// </summary>
public static class StepSummary
{
    public const string Variable = "GITHUB_STEP_SUMMARY";

    /// <summary>
    /// The file to append to for this build; set by <see cref="BuildRunner"/> from the build's environment. Per
    /// thread: a build runs its targets on the thread that started it, and hermetic test builds run side by side.
    /// </summary>
    [ThreadStatic]
    private static string? _filePath;

    internal static string? FilePath
    {
        get => _filePath;
        set => _filePath = value;
    }

    /// <summary>Appends a heading and the differences in a code block (no Markdown escaping needed); nothing when there are none.</summary>
    public static void AppendDifferences(string target, IReadOnlyList<string> differences)
    {
        if (differences.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        text.Append("### ").Append(target).Append(": ").Append(differences.Count).Append(" difference(s)\n\n```text\n");
        foreach (var difference in differences)
        {
            text.Append(difference.Replace("```", "'''", StringComparison.Ordinal)).Append('\n');
        }

        text.Append("```\n\n");
        Append(text.ToString());
    }

    /// <summary>Appends a heading and one bullet per item (items may hold Markdown code spans); nothing when there are none.</summary>
    public static void AppendList(string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        text.Append("### ").Append(heading).Append("\n\n");
        foreach (var item in items)
        {
            text.Append("- ").Append(item.Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
        }

        text.Append('\n');
        Append(text.ToString());
    }

    /// <summary>The summary table as a Markdown table, then failures and the verdict.</summary>
    public static string RenderTable(IReadOnlyList<ExecutableTarget> plan)
    {
        var text = new StringBuilder();
        text.Append("| Target | Status | Duration | |\n|---|---|---:|---|\n");
        foreach (var target in plan)
        {
            var duration = target.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed ? SummaryTable.FormatDuration(target.Duration) : "";
            var figure = target.SummaryText ?? (target.SkipReason is { } reason ? $"({reason})" : "");
            text.Append("| ").Append(Cell(target.Name)).Append(" | ").Append(target.Status).Append(" | ").Append(duration).Append(" | ").Append(Cell(figure)).Append(" |\n");
        }

        text.Append('\n');
        foreach (var target in plan.Where(target => target.FailureMessage is not null))
        {
            text.Append("**ERROR** ").Append(Cell(target.Name)).Append(": ").Append(Cell(target.FailureMessage!)).Append("\n\n");
        }

        text.Append(plan.Any(target => target.Status is ExecutionStatus.Failed or ExecutionStatus.NotRun) ? "**Build failed.**\n\n" : "**Build succeeded.**\n\n");
        return text.ToString();
    }

    internal static void Append(string markdown)
    {
        if (string.IsNullOrEmpty(FilePath))
        {
            return;
        }

        // Appending (not replacing) is the host's contract: other steps of the job write to the same file.
        File.AppendAllText(FilePath, markdown, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
