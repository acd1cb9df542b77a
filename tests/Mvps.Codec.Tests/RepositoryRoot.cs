namespace Mvps.Codec.Tests;

/// <summary>The checkout this test assembly was built from: the nearest folder up that holds Evidence.sln.</summary>
internal static class RepositoryRoot
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
