namespace Mvps.Tests.Shared;

/// <summary>The checkout the tests were built from: the nearest folder above the test binaries holding Evidence.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Evidence(string file) => System.IO.Path.Combine(Path, "evidence", file);

    private static string Find()
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
