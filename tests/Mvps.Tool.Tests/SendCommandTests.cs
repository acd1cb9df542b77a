using System.Net;
using System.Net.Sockets;

namespace Mvps.Tool.Tests;

/// <summary>`mvps send` without a network: its help, and every unusable input refused with one line and exit 2.</summary>
public sealed class SendCommandTests
{
    public static TheoryData<string, Func<TempFolder, string[]>, string> Cases => new()
    {
        { "address not on this host", _ => ["send", "--peer", "127.0.0.1", "--local", "203.0.113.99", "--ticks", "1"], "--local 203.0.113.99: not an address of this host" },
        { "missing key file", t => ["send", "--peer", "127.0.0.1", "--key-file", t.File("no-key")], "key file not found" },
        { "zero ticks", _ => ["send", "--peer", "127.0.0.1", "--ticks", "0"], "--ticks 0: give a count from 1 to" },
        { "lattice too fine", _ => ["send", "--peer", "127.0.0.1", "--lattice-us", "10"], "--lattice-us 10: give a period from" },
        { "zero discriminator", _ => ["send", "--peer", "127.0.0.1", "--discriminator", "0"], "My Discriminator must be nonzero" },
        { "peer not an address", _ => ["send", "--peer", "router.example"], "--peer router.example: not an IP address" },
        { "IPv6 peer", _ => ["send", "--peer", "2001:db8::1"], "MVPS frames are IPv4" },
        { "multicast peer", _ => ["send", "--peer", "224.0.0.1"], "needs a unicast address" },
        { "no peer", _ => ["send"], "--peer" },
        { "unknown regime", _ => ["send", "--peer", "127.0.0.1", "--regime", "chaos"], "chaos" },
        { "both key sources", t => ["send", "--peer", "127.0.0.1", "--key-file", t.File("k"), "--key-env", "K"], "not both" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refuses_unusable_input_with_one_line_and_exit_2(string what, Func<TempFolder, string[]> args, string expected)
    {
        var result = UsageErrorAssert.RunsToOneLineWithExit2(what, args, expected);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public void Port_3784_already_taken_on_the_local_address_is_unusable_input()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 3784));

        var result = MvpsProcess.Run("send", "--peer", "127.0.0.2", "--local", "127.0.0.1", "--ticks", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("mvps: UDP 127.0.0.1:3784 is in use (is a BFD daemon running on this host?)", result.StandardError.Trim());
    }

    [Fact]
    public void Help_documents_every_option()
    {
        var result = MvpsProcess.Run("send", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--peer", "--local", "--regime", "--ticks", "--lattice-us", "--key-file", "--key-env", "--seed", "--discriminator", "--json" })
        {
            var line = result.StandardOutput.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
            Assert.True(line is not null && line.Trim().Length > option.Length + 10, $"{option} undocumented:\n{result.StandardOutput}");
        }

        Assert.Contains("exit 0", result.StandardOutput);
        Assert.Contains("AdminDown", result.StandardOutput);
    }

    [Fact]
    public void The_root_help_lists_send()
    {
        var result = MvpsProcess.Run("--help");
        Assert.Contains("  send ", result.StandardOutput);
    }
}
