using System.Globalization;
using System.Text.Json;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// The FRR profile: FRRouting's zebra and bfdd in the peer namespace, from a config in a folder of their own:
/// own pid files, own vty socket folder (--vty_socket), own zserv socket, own log. Stopped by the pids in their
/// pid files, never by name. Readiness and state are read with `vtysh --vty_socket FOLDER -c '...'` in bounded
/// polls; state changes from bfdd's log (`debug bfd peer`).
/// </summary>
internal sealed class FrrPeer : DaemonPeer<FrrPeer>, IBfdPeer<FrrPeer>
{
    private FrrPeer(string folder)
        : base(folder)
    {
    }

    public static string Name => "frr";

    public static bool UsesRfc5881SourcePorts => true;

    public string ConfigPath => Path.Combine(Folder, "frr.conf");

    public string BfddLog => Path.Combine(Folder, "bfdd.log");

    protected override string ProfileName => "FRR";

    /// <summary>The config: one single-hop peer, the vantage, with fast timers; `debug bfd peer` logs every state change with its reason.</summary>
    public static string Config => string.Create(CultureInfo.InvariantCulture, $"""
        frr defaults traditional
        hostname mvps-peer
        debug bfd peer
        !
        bfd
         peer {TestNetwork.VantageAddress} local-address {TestNetwork.PeerAddress}
          receive-interval {IntervalMs}
          transmit-interval {IntervalMs}
          detect-multiplier {Multiplier}
         !
        !

        """);

    public static FrrPeer Start(TestNetwork network)
    {
        var folder = TempFolder.ForProcess("frr");
        var peer = new FrrPeer(folder);
        network.OnTeardown(peer.Stop);
        File.WriteAllText(peer.ConfigPath, Config);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(peer.ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        // The daemons drop to the frr user: the folder for their sockets, pid files and logs is theirs.
        ExternalProgram.Run("chown", "frr:frr", folder).AssertSuccess();
        peer.StartDaemon(network, NetworkRequirements.Zebra, "zebra");
        peer.StartDaemon(network, NetworkRequirements.Bfdd, "bfdd");
        peer.Pids = [peer.PidOf("zebra"), peer.PidOf("bfdd")];
        peer.WaitFor(p => p.Peers().GetArrayLength() == 1, "bfdd to list its configured peer");
        return peer;
    }

    /// <summary>`vtysh --vty_socket FOLDER -c COMMAND`, output as JSON.</summary>
    public JsonElement Json(string command)
    {
        var result = ExternalProgram.Run("vtysh", "--vty_socket", Folder, "-c", command).AssertSuccess();
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }

    public string Text(string command) => ExternalProgram.Run("vtysh", "--vty_socket", Folder, "-c", command).AssertSuccess().StandardOutput;

    public JsonElement Peers() => Json("show bfd peers json");

    public JsonElement Counters() => Json("show bfd peers counters json");

    /// <summary>The one configured peer's entry of `show bfd peers json`.</summary>
    public JsonElement Peer() => Peers()[0];

    public JsonElement PeerCounters() => Counters()[0];

    /// <summary>bfdd's "state-change" log lines (from `debug bfd peer`), e.g. "up -> down reason:control-expired".</summary>
    public IReadOnlyList<string> StateChangeLines() =>
        File.Exists(BfddLog)
            ? [.. File.ReadAllLines(BfddLog).Where(l => l.Contains("state-change:", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(']', l.IndexOf("state-change:", StringComparison.Ordinal)) + 2)..])]
            : [];

    public IReadOnlyList<PeerStateChange> StateChanges() => [.. StateChangeLines().Select(ParseStateChange)];

    public PeerView View()
    {
        var peer = Peer();
        return new PeerView(
            StateName(peer.GetProperty("status").GetString()!),
            PeerCounters().GetProperty("control-packet-input").GetInt64(),
            peer.TryGetProperty("remote-diagnostic", out var diagnostic) && diagnostic.GetString() == "administratively down",
            peer.GetProperty("id").GetUInt32(),
            peer.TryGetProperty("remote-id", out var remote) ? remote.GetUInt32() : null);
    }

    public void KeepArtifacts(string regime)
    {
        InteropArtifacts.Write($"frr_{regime}_peers.json", Peer().GetRawText() + "\n");
        InteropArtifacts.Write($"frr_{regime}_counters.json", PeerCounters().GetRawText() + "\n");
        InteropArtifacts.Write($"frr_{regime}_state_changes.txt", string.Join('\n', StateChangeLines()) + "\n");
    }

    /// <summary>First line of `bfdd --version`, e.g. "bfdd version 8.4.4".</summary>
    public static string Version() =>
        ExternalProgram.Run(NetworkRequirements.Bfdd, "--version").StandardOutput.Split('\n')[0].Trim();

    /// <summary>"up -> down reason:control-expired" in common terms: Up -> Down (detection time expired).</summary>
    internal static PeerStateChange ParseStateChange(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var reason = parts.Length > 3 && parts[3].StartsWith("reason:", StringComparison.Ordinal) ? parts[3]["reason:".Length..] : "";
        return new PeerStateChange(StateName(parts[0]), StateName(parts[2]), reason switch
        {
            "control-expired" => PeerStateChange.DetectionTimeExpired,
            "neighbor-down" => PeerStateChange.NeighborSignalledDown,
            _ => reason,
        });
    }

    private static string StateName(string frr) => frr switch
    {
        "up" => "Up",
        "down" => "Down",
        "init" => "Init",
        "shutdown" or "admin-down" => "AdminDown",
        _ => frr,
    };

    /// <summary>`show bfd peers`, what a failed wait shows.</summary>
    protected override string SessionsView() => Text("show bfd peers");

    /// <summary>No vty socket yet, or no peer entry yet.</summary>
    protected override bool IsNotReadyYet(Exception e) =>
        e is Xunit.Sdk.XunitException or JsonException or InvalidOperationException or IndexOutOfRangeException;

    private void StartDaemon(TestNetwork network, string program, string name)
    {
        // -d: the daemon forks into the background once it is listening; its pid file names the process to stop.
        TestNetwork.Exec(network.PeerNamespace, program,
            "-d", "-f", ConfigPath, "-i", PidFile(name), "--vty_socket", Folder, "-z", Path.Combine(Folder, "zserv.api"),
            "--log", "file:" + Path.Combine(Folder, name + ".log")).AssertSuccess();
    }

    private string PidFile(string name) => Path.Combine(Folder, name + ".pid");

    private int PidOf(string name) => AwaitPid(PidFile(name), name);
}
