using System.Diagnostics;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>
/// evidence/mvps_dissector.lua installed the way Wireshark users do (the personal Lua plugins folder) and loaded
/// again with the documented `-X lua_script:`: it loads once, decodes as usual, and says so on stderr.
/// </summary>
public sealed class LuaPluginInstallTests
{
    [ToolFact("tshark")]
    public void A_personal_plugin_and_lua_script_together_load_the_dissector_once()
    {
        using var home = new TempFolder();
        var plugins = Directory.CreateDirectory(Path.Combine(home.Path, ".local", "lib", "wireshark", "plugins")).FullName;
        File.Copy(RepositoryLayout.Dissector, Path.Combine(plugins, "mvps_dissector.lua"));

        var (exit, stdout, stderr) = Tshark(home.Path, "-X", "lua_script:mvps_dissector.lua", "-r", "mvps_ddos.pcap",
            "-Y", "mvps.hmac_valid == 1", "-T", "fields", "-e", "frame.number");

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("two protocols with the same description", stderr);
        Assert.DoesNotContain("Lua: Error", stderr);
        Assert.Contains("mvps_dissector.lua: already loaded from ", stderr);
        Assert.Equal(30, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static (int ExitCode, string Stdout, string Stderr) Tshark(string home, params string[] arguments)
    {
        var start = new ProcessStartInfo(ToolLocator.Find("tshark")!)
        {
            WorkingDirectory = RepositoryLayout.EvidenceDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = home; // the personal plugins folder lives below HOME
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
