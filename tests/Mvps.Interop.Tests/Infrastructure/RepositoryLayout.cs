namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>Paths inside the repository, found by walking up from the test assembly to Evidence.sln.</summary>
internal static class RepositoryLayout
{
    private const string SolutionFile = "Evidence.sln";

    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    public static string EvidenceDirectory => Path.Combine(Root, "evidence");

    public static string ReceiptPath => Path.Combine(EvidenceDirectory, EvidenceFiles.Receipt);

    public static string Dissector => Path.Combine(Root, "tools", "mvps_dissector.lua");

    public static string DissectorSelfTest => Path.Combine(Root, "tools", "mvps_dissector_selftest.lua");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no {SolutionFile} above {AppContext.BaseDirectory}");
    }
}
