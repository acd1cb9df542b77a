namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>Uniquely named scratch folders, removed when the test process exits.</summary>
internal static class TemporaryFolder
{
    private static readonly List<string> Created = [];

    static TemporaryFolder()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Created)
            {
                foreach (var directory in Created)
                {
                    try
                    {
                        Directory.Delete(directory, recursive: true);
                    }
                    catch (IOException)
                    {
                        // Best effort: a leftover scratch folder is harmless.
                    }
                }
            }
        };
    }

    /// <summary>
    /// The start of every folder name this test process gives <paramref name="purpose"/>: with the process id, so a
    /// check for leftovers (TeardownTests) sees this run's folders and processes only, not another clone's run.
    /// </summary>
    public static string PrefixOf(string purpose) => $"mvps-interop-{purpose}-{Environment.ProcessId}-";

    public static string Create(string purpose)
    {
        // CreateTempSubdirectory picks a fresh unique name itself, so parallel tests never collide.
        var directory = Directory.CreateTempSubdirectory(PrefixOf(purpose)).FullName;
        lock (Created)
        {
            Created.Add(directory);
        }

        return directory;
    }
}
