namespace Mvps.Interop.Tests.Network;

/// <summary>
/// A peer profile: a BFD implementation that runs a single-hop session with `mvps send` from the peer namespace
/// (203.0.113.20, peer 203.0.113.10). It knows how to configure and start itself there with files of its own,
/// how to read its session state, its count of our packets and its state changes, and how to stop by pid. FRR
/// and BIRD are the two profiles (docs/interop.md, "Adding a peer"); PeerSession runs any of them.
/// </summary>
internal interface IBfdPeer<TSelf>
    where TSelf : IBfdPeer<TSelf>
{
    /// <summary>The name `./build.sh Interop --peers` selects, the tests' "Peer" trait and the artifacts' prefix.</summary>
    static abstract string Name { get; }

    /// <summary>The timers it is configured with, for the summary (e.g. "50 ms tx/rx, Detect Mult 3").</summary>
    static abstract string Timers { get; }

    /// <summary>Its Detect Mult: the DDoS regime's lost ticks must outlast it.</summary>
    static abstract int DetectMultiplier { get; }

    /// <summary>
    /// Whether it sends from a source port in RFC 5881's 49152–65535, as the RFC requires: checked in the capture
    /// when true. BIRD 2.0 sends from a kernel ephemeral port (32768–60999 on Linux), measured: 41815.
    /// </summary>
    static abstract bool UsesRfc5881SourcePorts { get; }

    /// <summary>Its version as the program reports it, e.g. "bfdd version 8.4.4".</summary>
    static abstract string Version();

    /// <summary>Configures and starts it in <paramref name="network"/>'s peer namespace; returns once it lists its session with us. Stopped at the network's teardown.</summary>
    static abstract TSelf Start(TestNetwork network);

    /// <summary>Its processes, stopped by these pids.</summary>
    IReadOnlyList<int> Pids { get; }

    /// <summary>Its current view of the session with 203.0.113.10.</summary>
    PeerView View();

    /// <summary>Every state change of the session so far, oldest first, from its own log.</summary>
    IReadOnlyList<PeerStateChange> StateChanges();

    /// <summary>Keeps its raw views (JSON, CLI output, log excerpts) as interop artifacts named after <paramref name="regime"/>.</summary>
    void KeepArtifacts(string regime);

    void Stop();
}
