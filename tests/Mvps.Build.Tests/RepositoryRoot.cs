namespace Mvps.Build.Tests;

/// <summary>The checkout the tests run in: the folder above the test binaries that holds Evidence.sln.</summary>
static class RepositoryRoot
{
    public static string Path { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Evidence.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Evidence.sln not found above " + AppContext.BaseDirectory);
    }
}
