namespace Mvps.Build.Engine;

/// <summary>Finds the build root: the nearest folder containing .nuke/, above the build assembly, else above the working directory.</summary>
internal static class RootDirectoryLocator
{
    public static string Locate()
    {
        var start = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var directory in start)
        {
            for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
            {
                if (Directory.Exists(Path.Combine(current.FullName, ".nuke")))
                {
                    return current.FullName;
                }
            }
        }

        throw new UsageException("Cannot find the root directory (no .nuke/ folder above the build or the working directory); pass --root.");
    }
}
