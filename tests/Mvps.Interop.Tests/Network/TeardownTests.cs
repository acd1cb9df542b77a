using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>No namespace, veth, peer daemon (FRR, BIRD) or tcpdump started by a test outlives it.</summary>
[Collection(NetworkCollection.Name)]
public sealed class TeardownTests
{
    [NetworkFact("tcpdump", "vtysh", NetworkRequirements.Zebra, NetworkRequirements.Bfdd)]
    [Trait(PeerTrait.Name, "frr")]
    public void A_test_network_with_FRR_and_tcpdump_leaves_nothing_behind() =>
        AssertNothingLeftBehind(network =>
        {
            var frr = FrrPeer.Start(network);
            network.StartCapture(network.PeerNamespace, network.PeerInterface, Path.Combine(frr.Folder, "any.pcap"), "udp");
            List<int> pids = [.. frr.Pids, .. network.ProcessIds];
            Assert.Equal(3, pids.Count);
            Assert.All(pids, pid => Assert.True(BackgroundProcess.IsAlive(pid), $"pid {pid} should run"));
            Assert.Contains(network.VantageNamespace, NamespaceNames());
            Assert.Contains(network.PeerNamespace, NamespaceNames());
            // The same query that must not find them afterwards finds both veth ends now (they live in the namespaces).
            Assert.Contains(InterfacesEverywhere(), line => line.Contains(network.VantageInterface, StringComparison.Ordinal));
            Assert.Contains(InterfacesEverywhere(), line => line.Contains(network.PeerInterface, StringComparison.Ordinal));
            return (pids, frr.Folder);
        });

    [NetworkFact("birdc", NetworkRequirements.Bird)]
    [Trait(PeerTrait.Name, "bird")]
    public void A_test_network_with_BIRD_leaves_nothing_behind() =>
        AssertNothingLeftBehind(network =>
        {
            var bird = BirdPeer.Start(network);
            List<int> pids = [.. bird.Pids];
            Assert.Single(pids);
            Assert.True(BackgroundProcess.IsAlive(pids[0]), $"bird {pids[0]} should run");
            Assert.Equal("Down", bird.View().State); // nobody on the vantage side yet
            return (pids, bird.Folder);
        });

    [NetworkFact]
    public void No_namespace_or_process_of_this_test_run_is_left_from_earlier_network_tests()
    {
        // The network tests run one after another in one collection: whichever ran before this one must be gone.
        Assert.Empty(TestNetwork.LeftoverNamespaces());
        Assert.Empty(ProcessesNaming(TempFolder.PrefixOf("frr")));
        Assert.Empty(ProcessesNaming(TempFolder.PrefixOf("bird")));
        Assert.Empty(ProcessesNaming(TestNetwork.NamePrefix));
    }

    /// <summary>
    /// Runs <paramref name="startAndCheck"/> on a fresh test network (it starts a peer and checks that it runs, and
    /// returns the pids it started and the peer's folder), disposes the network, then checks that neither namespace,
    /// neither veth end, none of those processes and no process naming the peer's folder is left.
    /// </summary>
    private static void AssertNothingLeftBehind(Func<TestNetwork, (List<int> Pids, string Folder)> startAndCheck)
    {
        var network = TestNetwork.Create();
        List<int> pids;
        string folder;
        try
        {
            (pids, folder) = startAndCheck(network);
        }
        finally
        {
            network.Dispose();
        }

        Assert.DoesNotContain(network.VantageNamespace, NamespaceNames());
        Assert.DoesNotContain(network.PeerNamespace, NamespaceNames());
        Assert.All(pids, pid => Assert.False(BackgroundProcess.IsAlive(pid), $"pid {pid} outlived the test network"));
        Assert.DoesNotContain(InterfacesEverywhere(), line => line.Contains(network.VantageInterface, StringComparison.Ordinal));
        Assert.DoesNotContain(InterfacesEverywhere(), line => line.Contains(network.PeerInterface, StringComparison.Ordinal));
        Assert.Empty(ProcessesNaming(folder));
    }

    /// <summary>`ip -o link` of the root namespace and of every named namespace: one line per interface.</summary>
    private static List<string> InterfacesEverywhere() =>
    [
        .. ExternalProgram.Run("ip", "-o", "link").AssertSuccess().Lines,
        .. ExternalProgram.Run("ip", "-all", "netns", "exec", "ip", "-o", "link").Lines,
    ];

    private static List<string> NamespaceNames() =>
        [.. ExternalProgram.Run("ip", "netns", "list").AssertSuccess().Lines.Select(line => line.Split(' ', 2)[0])];

    /// <summary>Command lines of running processes (zombies excluded) that contain <paramref name="text"/>.</summary>
    internal static List<string> ProcessesNaming(string text)
    {
        var found = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal) && BackgroundProcess.IsAlive(pid))
                {
                    found.Add($"{pid}: {commandLine}");
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }
}
