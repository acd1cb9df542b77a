namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>A [Theory] reported as skipped, with the reason, when any named program is not on PATH.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresToolTheoryAttribute : TheoryAttribute
{
    public RequiresToolTheoryAttribute(params string[] tools)
    {
        Tools = tools;
        Skip = ToolAvailability.SkipReason(tools);
    }

    public IReadOnlyList<string> Tools { get; }
}
