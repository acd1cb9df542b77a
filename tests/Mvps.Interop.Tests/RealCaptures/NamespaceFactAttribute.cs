namespace Mvps.Interop.Tests.RealCaptures;

/// <summary>
/// A [Fact] that needs root (to create its own network namespaces) and the named programs; skipped with the
/// reason otherwise, never a silent pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NamespaceFactAttribute : FactAttribute
{
    public NamespaceFactAttribute(params string[] tools)
    {
        Skip = !OperatingSystem.IsLinux() || Environment.UserName != "root"
            ? "needs root on Linux: the test creates its own network namespaces"
            : ToolLocator.SkipReason(tools);
    }
}
