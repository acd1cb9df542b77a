namespace Mvps.Tests.Shared;

/// <summary>
/// A [Fact] reported as skipped, with the reason, when a named program is not on PATH — never a silent
/// pass. xunit 2 has no dynamic skip, so the decision is made when the attribute is constructed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools) => Skip = ToolLocator.SkipReason(tools);
}
