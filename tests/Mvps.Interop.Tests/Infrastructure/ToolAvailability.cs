namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>Turns "which programs are missing from PATH" into an xunit skip reason (null = run).</summary>
internal static class ToolAvailability
{
    public static string? SkipReason(IEnumerable<string> tools)
    {
        var missing = tools.Where(tool => ExternalProgram.Find(tool) is null).ToArray();
        return missing.Length == 0 ? null : $"required program not found on PATH: {string.Join(", ", missing)}";
    }
}
