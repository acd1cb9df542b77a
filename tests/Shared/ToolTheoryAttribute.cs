namespace Mvps.Tests.Shared;

/// <summary>A [Theory] reported as skipped, with the reason, when a named program is not on PATH (as <see cref="ToolFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(params string[] tools) => Skip = ToolLocator.SkipReason(tools);
}
