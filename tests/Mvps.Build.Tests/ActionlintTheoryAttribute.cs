namespace Mvps.Build.Tests;

/// <summary>A [Theory] skipped for the reasons of <see cref="ActionlintFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ActionlintTheoryAttribute : TheoryAttribute
{
    public ActionlintTheoryAttribute() => Skip = ActionlintFactAttribute.SkipReason();
}
