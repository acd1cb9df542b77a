namespace Mvps.Tests.Shared;

/// <summary>
/// A HOME (and XDG_CONFIG_HOME) for external tools such as tshark: created fresh for this test process,
/// readable only by its user, and removed when the process ends. A fixed folder in /tmp was shared by
/// concurrent test runs and by every user: one run's tshark could race another's on its config files, a
/// folder left by another user (root's Interop run) was not writable, and anyone could plant a Wireshark
/// profile or Lua plugin there that the tests' tshark would load.
/// </summary>
public static class PrivateHome
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        string home = Directory.CreateTempSubdirectory("mvps-tool-home-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(home, recursive: true);
            }
            catch (IOException)
            {
                // A tool still writing at exit: the folder is private and in the temporary folder.
            }
        };
        return home;
    });

    public static string Path => Folder.Value;
}
