using System.Text.Json;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// What the kernel dropped on the veth pair, from its own counters (`ip -s -j link`): the peer end's transmit
/// drops (a full receive backlog refuses the packet) and the vantage end's receive drops.
/// </summary>
internal sealed record LinkDrops(long PeerTransmit, long VantageReceive)
{
    public long Total => PeerTransmit + VantageReceive;

    public static LinkDrops Read(TestNetwork network) =>
        new(Dropped(network.PeerNamespace, network.PeerInterface, "tx"), Dropped(network.VantageNamespace, network.VantageInterface, "rx"));

    public static LinkDrops operator -(LinkDrops after, LinkDrops before) =>
        new(after.PeerTransmit - before.PeerTransmit, after.VantageReceive - before.VantageReceive);

    private static long Dropped(string ns, string device, string direction)
    {
        var result = ExternalProgram.Run("ip", "-n", ns, "-s", "-j", "link", "show", "dev", device).AssertSuccess();
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement[0].GetProperty("stats64").GetProperty(direction).GetProperty("dropped").GetInt64();
    }
}
