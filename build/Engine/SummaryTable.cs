using System.Globalization;
using System.Text;

namespace Mvps.Build.Engine;

/// <summary>The end-of-build table: Target | Status | Duration | key figure, a Total row, failures, verdict.</summary>
public static class SummaryTable
{
    private const string TargetHeader = "Target";
    private const string StatusHeader = "Status";
    private const string DurationHeader = "Duration";
    private const string TotalLabel = "Total";

    public static string Render(IReadOnlyList<ExecutableTarget> plan)
    {
        var rows = plan
            .Select(target => (
                Name: target.Name,
                Status: target.Status.ToString(),
                Duration: HasDuration(target) ? FormatDuration(target.Duration) : "",
                Figure: target.SummaryText ?? (target.SkipReason is { } reason ? $"({reason})" : "")))
            .ToList();
        var total = FormatDuration(new TimeSpan(plan.Where(HasDuration).Sum(target => target.Duration.Ticks)));

        var nameWidth = rows.Select(row => row.Name.Length).Append(TargetHeader.Length).Append(TotalLabel.Length).Max() + 3;
        var statusWidth = rows.Select(row => row.Status.Length).Append(StatusHeader.Length).Max() + 3;
        var durationWidth = rows.Select(row => row.Duration.Length).Append(DurationHeader.Length).Append(total.Length).Max();
        var ruleWidth = nameWidth + statusWidth + durationWidth +
            rows.Select(row => row.Figure.Length == 0 ? 0 : row.Figure.Length + 3).Append(0).Max();

        var builder = new StringBuilder();
        builder.Append(new string('=', ruleWidth)).Append('\n');
        AppendRow(TargetHeader, StatusHeader, DurationHeader, "");
        builder.Append(new string('-', ruleWidth)).Append('\n');
        foreach (var row in rows)
        {
            AppendRow(row.Name, row.Status, row.Duration, row.Figure);
        }

        builder.Append(new string('-', ruleWidth)).Append('\n');
        AppendRow(TotalLabel, "", total, "");
        builder.Append(new string('=', ruleWidth)).Append('\n');

        var failures = plan.Where(target => target.FailureMessage is not null).ToList();
        if (failures.Count > 0)
        {
            builder.Append('\n');
            foreach (var target in failures)
            {
                builder.Append("ERROR: ").Append(target.Name).Append(": ").Append(target.FailureMessage).Append('\n');
            }
        }

        builder.Append('\n');
        builder.Append(plan.Any(target => target.Status is ExecutionStatus.Failed or ExecutionStatus.NotRun)
            ? "Build failed."
            : "Build succeeded.");
        builder.Append('\n');
        return builder.ToString();

        void AppendRow(string name, string status, string duration, string figure)
        {
            var line = name.PadRight(nameWidth) + status.PadRight(statusWidth) + duration.PadLeft(durationWidth) +
                (figure.Length == 0 ? "" : "   " + figure);
            builder.Append(line.TrimEnd()).Append('\n');
        }
    }

    /// <summary>"m:ss" (minutes unbounded), invariant.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }

    private static bool HasDuration(ExecutableTarget target) =>
        target.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed;
}
