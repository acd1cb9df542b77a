namespace Mvps.Codec.Tests.Capture;

/// <summary>
/// A [Fact] that is reported as skipped, with the reason, when any of the named executables is not on PATH
/// (xunit 2 has no dynamic skip, so the decision is made when the attribute is constructed).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        Tools = tools;
        var missing = tools.Where(tool => ExternalTool.Find(tool) is null).ToArray();
        if (missing.Length > 0)
        {
            Skip = $"external tool not found on PATH: {string.Join(", ", missing)}";
        }
    }

    public IReadOnlyList<string> Tools { get; }
}
