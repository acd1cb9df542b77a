using System.Globalization;
using System.Text;

namespace Mvps.Build.Engine;

/// <summary>--plan output: the ordered targets with why each is planned and whether it is skipped.</summary>
internal static class PlanText
{
    public static string Render(IReadOnlyList<ExecutableTarget> plan)
    {
        var builder = new StringBuilder();
        var invoked = plan.Where(target => target.Invoked).Select(target => target.Name);
        builder.Append("Execution plan for ").Append(string.Join(", ", invoked)).Append(":\n");
        var numberWidth = plan.Count.ToString(CultureInfo.InvariantCulture).Length;
        var nameWidth = plan.Max(target => target.Name.Length);
        for (var i = 0; i < plan.Count; i++)
        {
            var target = plan[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(numberWidth);
            builder.Append("  ").Append(number).Append(". ").Append(target.Name.PadRight(nameWidth))
                .Append("   ").Append(string.Join("; ", target.PlanReasons));
            if (target.Status == ExecutionStatus.Skipped)
            {
                builder.Append(" [skipped: ").Append(target.SkipReason).Append(']');
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}
