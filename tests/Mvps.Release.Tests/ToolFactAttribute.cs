namespace Mvps.Release.Tests;

/// <summary>
/// A [Fact] reported as skipped, with the reason, when a named program is not on PATH. xunit 2 has no
/// dynamic skip, so the decision is made when the attribute is constructed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        string[] missing = [.. tools.Where(tool => ExternalTool.Find(tool) is null)];
        if (missing.Length > 0)
        {
            Skip = $"external tool not found on PATH: {string.Join(", ", missing)}";
        }
    }
}
