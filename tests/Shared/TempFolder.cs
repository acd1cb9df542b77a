namespace Mvps.Tests.Shared;

/// <summary>
/// The tests' temporary folders, all made by <see cref="Directory.CreateTempSubdirectory(string?)"/> (a fresh unique
/// name, readable only by this user, so parallel tests never collide). An instance is deleted with everything in it
/// when the test ends; <see cref="ForProcess"/> makes one that lives as long as the test process.
/// </summary>
public sealed class TempFolder : IDisposable
{
    private static readonly List<string> ProcessFolders = [];

    public string Path { get; } = Directory.CreateTempSubdirectory("mvps-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Sub(string name) => Directory.CreateDirectory(File(name)).FullName;

    public string Copy(string source, string? name = null)
    {
        var target = File(name ?? System.IO.Path.GetFileName(source));
        System.IO.File.Copy(source, target, overwrite: true);
        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    /// <summary>
    /// A fresh folder for what outlives one test (a fixture shared by a class, a peer's configuration, a private
    /// HOME), named after <paramref name="purpose"/> and removed when the test process exits.
    /// </summary>
    public static string ForProcess(string purpose)
    {
        var folder = Directory.CreateTempSubdirectory(PrefixOf(purpose)).FullName;
        lock (ProcessFolders)
        {
            if (ProcessFolders.Count == 0)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteProcessFolders();
            }

            ProcessFolders.Add(folder);
        }

        return folder;
    }

    /// <summary>
    /// The start of every name <see cref="ForProcess"/> gives <paramref name="purpose"/> in this test process: with the
    /// process id, so a check for leftovers (a peer still running in its folder) sees this run's folders only.
    /// </summary>
    public static string PrefixOf(string purpose) => $"mvps-tests-{purpose}-{Environment.ProcessId}-";

    private static void DeleteProcessFolders()
    {
        lock (ProcessFolders)
        {
            foreach (var folder in ProcessFolders)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A program still writing at exit: the folder is private and in the temporary folder.
                }
            }
        }
    }
}
