namespace Mvps.Interop.Tests.Network;

/// <summary>
/// Part 3 of the wire proof with the FRR profile: FRRouting's bfdd, a real RFC 5880 implementation, runs a
/// session with `mvps send`. Our lattice is 100 ms (so detection times are 300 ms both ways, safe on a busy
/// two-core machine); FRR asks for 50 ms and Detect Mult 3.
/// </summary>
[Collection(NetworkCollection.Name)]
[Trait(PeerTrait.Name, "frr")]
public sealed class FrrSessionTests
{
    private const string DisplayName = "FRR bfdd";

    [NetworkFact("tcpdump", "vtysh", NetworkRequirements.Zebra, NetworkRequirements.Bfdd)]
    public void Baseline_FRR_brings_the_session_up_counts_every_packet_and_never_drops_it()
    {
        var session = PeerSession.Run<FrrPeer>("baseline", PeerSessionChecks.BaselineTicks, PeerSessionChecks.LatticeUs, everyPacketCounted: true);
        PeerSessionChecks.Baseline(session);
        // FRR shows both discriminators: its remote-id is our My Discriminator.
        Assert.Equal(PeerSession.MyDiscriminator, session.ViewWhenUp.RemoteDiscriminator);
        PeerSessionChecks.Summarize(session, DisplayName);
    }

    [NetworkFact("tcpdump", "vtysh", NetworkRequirements.Zebra, NetworkRequirements.Bfdd)]
    public void Ddos_lost_ticks_expire_FRR_detection_time_and_the_session_comes_back_up()
    {
        var session = PeerSession.Run<FrrPeer>("ddos", PeerSessionChecks.DdosTicks, PeerSessionChecks.LatticeUs, everyPacketCounted: false);
        PeerSessionChecks.Ddos(session, FrrPeer.DetectMultiplier);
        PeerSessionChecks.Summarize(session, DisplayName);
    }
}
