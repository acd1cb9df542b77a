namespace Mvps.Tests.Shared;

/// <summary>Finds external programs on PATH, and says why a test must be skipped when one is missing.</summary>
public static class ToolLocator
{
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        string[] fileNames = OperatingSystem.IsWindows() ? [name + ".exe", name] : [name];
        foreach (var directory in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var fileName in fileNames)
            {
                var candidate = System.IO.Path.Combine(directory, fileName);
                if (File.Exists(candidate) && IsExecutable(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Null when every program is on PATH, else the skip reason naming the missing ones.</summary>
    public static string? SkipReason(IEnumerable<string> tools)
    {
        string[] missing = [.. tools.Where(tool => Find(tool) is null)];
        return missing.Length == 0 ? null : $"required program not found on PATH: {string.Join(", ", missing)}";
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
