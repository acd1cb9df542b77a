namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>
/// Where a capture under test comes from: the committed evidence/ folder, or a folder freshly written by
/// `mvps generate` during this test run (so every tool check also covers the generator).
/// </summary>
internal static class EvidenceSource
{
    public const string Committed = "committed";
    public const string Fresh = "fresh";

    private static readonly Lazy<string> FreshDirectory = new(Generate);

    /// <summary>Theory rows: (source, capture file name) for both captures from both sources.</summary>
    public static TheoryData<string, string> AllCaptures()
    {
        var data = new TheoryData<string, string>();
        foreach (var source in new[] { Committed, Fresh })
        {
            foreach (var capture in EvidenceFiles.Captures)
            {
                data.Add(source, capture);
            }
        }

        return data;
    }

    public static string DirectoryOf(string source) => source switch
    {
        Committed => RepositoryLayout.EvidenceDirectory,
        Fresh => FreshDirectory.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "expected committed or fresh"),
    };

    public static string PathOf(string source, string capture) => Path.Combine(DirectoryOf(source), capture);

    private static string Generate()
    {
        var directory = TempFolder.ForProcess("fresh-evidence");
        MvpsCli.Run("generate", "--out", directory, "--quiet").AssertSuccess();
        return directory;
    }
}
