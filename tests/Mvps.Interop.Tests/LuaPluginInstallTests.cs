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

    /// <summary>tshark in the evidence folder, with <paramref name="home"/> as HOME: the personal plugins folder lives below it.</summary>
    private static ProcessResult Tshark(string home, params string[] arguments) =>
        ExternalProgram.Run("tshark", arguments, RepositoryLayout.EvidenceDirectory, environment: new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
        });
}
