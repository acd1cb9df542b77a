namespace Mvps.Interop.Tests.Network;

/// <summary>
/// Part 3 of the wire proof with the BIRD profile: BIRD 2's BFD, a second RFC 5880 implementation written
/// independently of FRR's, runs the same sessions with `mvps send`: 50 ms and Detect Mult 3 on its side, our
/// 100 ms lattice on ours.
/// </summary>
[Collection(NetworkCollection.Name)]
[Trait(PeerTrait.Name, "bird")]
public sealed class BirdSessionTests
{
    private const string DisplayName = "BIRD";

    [NetworkFact("tcpdump", "birdc", NetworkRequirements.Bird)]
    public void Baseline_BIRD_brings_the_session_up_counts_every_packet_and_never_drops_it()
    {
        var session = PeerSession.Run<BirdPeer>("baseline", PeerSessionChecks.BaselineTicks, PeerSessionChecks.LatticeUs, everyPacketCounted: true);
        PeerSessionChecks.Baseline(session);
        PeerSessionChecks.Summarize(session, DisplayName);
    }

    [NetworkFact("tcpdump", "birdc", NetworkRequirements.Bird)]
    public void Ddos_lost_ticks_expire_BIRD_detection_time_and_the_session_comes_back_up()
    {
        var session = PeerSession.Run<BirdPeer>("ddos", PeerSessionChecks.DdosTicks, PeerSessionChecks.LatticeUs, everyPacketCounted: false);
        PeerSessionChecks.Ddos(session, BirdPeer.DetectMultiplier);
        PeerSessionChecks.Summarize(session, DisplayName);
    }
}
