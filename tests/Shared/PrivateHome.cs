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
    private static readonly Lazy<string> Folder = new(() => TempFolder.ForProcess("home"));

    public static string Path => Folder.Value;
}
