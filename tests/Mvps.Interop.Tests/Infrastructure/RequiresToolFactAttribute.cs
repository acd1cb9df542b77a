namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>
/// A [Fact] reported as skipped, with the reason, when any named program is not on PATH. xunit 2 has no
/// dynamic skip, so the decision is made when the attribute is constructed (at discovery).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(params string[] tools)
    {
        Tools = tools;
        Skip = ToolAvailability.SkipReason(tools);
    }

    public IReadOnlyList<string> Tools { get; }
}
