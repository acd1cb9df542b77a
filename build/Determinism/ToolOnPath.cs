namespace Mvps.Build.Determinism;

/// <summary>Whether a program can be started by name: the build decides to skip a run before trying it.</summary>
internal static class ToolOnPath
{
    public static bool Exists(string name) => Find(name) is not null;

    /// <summary>The full path of <paramref name="name"/> on PATH (with PATHEXT on Windows), or null.</summary>
    public static string? Find(string name)
    {
        var extensions = OperatingSystem.IsWindows()
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries)
            : [""];
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(folder, name + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
