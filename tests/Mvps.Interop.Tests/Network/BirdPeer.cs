using System.Globalization;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// The BIRD profile: BIRD 2's `protocol bfd` in the peer namespace, one daemon from a config in a folder of its
/// own, with its own control socket (-s), pid file (-P) and log file. Stopped by the pid in its pid file, never
/// by name. State is read with `birdc -s SOCKET show bfd sessions`; BIRD 2.0 shows neither counters nor
/// discriminators there, so what it counted and why its state changed come from its log (`debug all`): one
/// "CTL received from 203.0.113.10 [State flags]" line per accepted packet, "Session to … expired" when the
/// detection time ran out, and "Session to … changed state from X to Y".
/// </summary>
internal sealed class BirdPeer : DaemonPeer<BirdPeer>, IBfdPeer<BirdPeer>
{
    public const string Daemon = NetworkRequirements.Bird;

    private static readonly string Received = $"CTL received from {TestNetwork.VantageAddress} [";
    private static readonly string Session = $"Session to {TestNetwork.VantageAddress} ";

    private BirdPeer(string folder)
        : base(folder)
    {
    }

    public static string Name => "bird";

    /// <summary>BIRD 2.0.12 binds its transmit socket to an ephemeral port the kernel picks (not RFC 5881's range).</summary>
    public static bool UsesRfc5881SourcePorts => false;

    public string ConfigPath => Path.Combine(Folder, "bird.conf");

    public string Socket => Path.Combine(Folder, "bird.ctl");

    public string PidFile => Path.Combine(Folder, "bird.pid");

    public string LogFile => Path.Combine(Folder, "bird.log");

    protected override string ProfileName => "BIRD";

    /// <summary>
    /// The config: the device protocol (BFD learns the interface from it), and one single-hop neighbor, the
    /// vantage, on the peer's interface with fast timers; `debug all` logs packets and state changes.
    /// </summary>
    public static string Config(string logFile, string device) => string.Create(CultureInfo.InvariantCulture, $$"""
        log "{{logFile}}" all;
        router id {{TestNetwork.PeerAddress}};
        protocol device {
        }
        protocol bfd {
          debug all;
          interface "{{device}}" {
            interval {{IntervalMs}} ms;
            multiplier {{Multiplier}};
          };
          neighbor {{TestNetwork.VantageAddress}} dev "{{device}}" local {{TestNetwork.PeerAddress}};
        }

        """);

    public static BirdPeer Start(TestNetwork network)
    {
        var peer = new BirdPeer(TempFolder.ForProcess("bird"));
        network.OnTeardown(peer.Stop);
        File.WriteAllText(peer.ConfigPath, Config(peer.LogFile, network.PeerInterface));
        // Without -f, bird forks into the background once its config is read; the pid file names the daemon.
        TestNetwork.Exec(network.PeerNamespace, Daemon, "-c", peer.ConfigPath, "-s", peer.Socket, "-P", peer.PidFile).AssertSuccess();
        peer.Pids = [AwaitPid(peer.PidFile, "bird")];
        peer.WaitFor(p => p.SessionLine() is not null, "BIRD to list its configured neighbor");
        return peer;
    }

    /// <summary>`birdc -s SOCKET COMMAND`.</summary>
    public string Text(string command) =>
        ExternalProgram.Run("birdc", ["-s", Socket, .. command.Split(' ')]).AssertSuccess().StandardOutput;

    public PeerView View()
    {
        var line = SessionLine() ?? throw new InvalidOperationException("BIRD lists no session with " + TestNetwork.VantageAddress);
        // IP address, Interface, State, Since, Interval, Timeout
        var state = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        var log = LogLines();
        return new PeerView(state, log.Count(l => l.Contains(Received, StringComparison.Ordinal)),
            log.Any(l => l.Contains(Received + "AdminDown", StringComparison.Ordinal)), null, null);
    }

    public IReadOnlyList<PeerStateChange> StateChanges()
    {
        const string changed = "changed state from ";
        var changes = new List<PeerStateChange>();
        var expired = false;
        var lastReceived = "";
        foreach (var line in LogLines())
        {
            var at = line.IndexOf(Received, StringComparison.Ordinal);
            if (at >= 0)
            {
                lastReceived = line[(at + Received.Length)..].TrimEnd(']').Split(' ')[0];
                continue;
            }

            at = line.IndexOf(Session, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var what = line[(at + Session.Length)..];
            if (what == "expired")
            {
                expired = true; // BIRD's detection timer: the state change that follows, if any, is caused by it
            }
            else if (what.StartsWith(changed, StringComparison.Ordinal))
            {
                var states = what[changed.Length..].Split(" to ");
                var reason = expired ? PeerStateChange.DetectionTimeExpired
                    : states[1] == "Down" && lastReceived is "Down" or "AdminDown" ? PeerStateChange.NeighborSignalledDown
                    : "";
                changes.Add(new PeerStateChange(states[0], states[1], reason));
                expired = false;
            }
        }

        return changes;
    }

    public void KeepArtifacts(string regime)
    {
        InteropArtifacts.Write($"bird_{regime}_bfd_sessions.txt", Text("show bfd sessions"));
        InteropArtifacts.Write($"bird_{regime}_state_changes.txt", string.Join('\n', StateChanges()) + "\n");
        InteropArtifacts.Write($"bird_{regime}.log", string.Join('\n', LogLines()) + "\n");
    }

    /// <summary>`bird --version` (it prints to stderr), e.g. "BIRD version 2.0.12".</summary>
    public static string Version()
    {
        var result = ExternalProgram.Run(Daemon, "--version");
        return (result.StandardOutput + result.StandardError).Trim().Split('\n')[0].Trim();
    }

    /// <summary>`show bfd sessions`, what a failed wait shows.</summary>
    protected override string SessionsView() => Text("show bfd sessions");

    /// <summary>No control socket yet, or no session yet.</summary>
    protected override bool IsNotReadyYet(Exception e) => e is Xunit.Sdk.XunitException or InvalidOperationException;

    /// <summary>The row of `show bfd sessions` for the vantage, or null while BIRD lists none.</summary>
    private string? SessionLine() =>
        Text("show bfd sessions").Split('\n').FirstOrDefault(l => l.StartsWith(TestNetwork.VantageAddress + " ", StringComparison.Ordinal));

    private string[] LogLines() => File.Exists(LogFile) ? File.ReadAllLines(LogFile) : [];
}
