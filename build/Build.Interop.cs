using System.Globalization;
using System.Text;
using System.Text.Json;
using Mvps.Build.Determinism;
using Mvps.Build.Engine;
using Mvps.IO;

/// <summary>
/// The wire proof (docs/interop.md): the evidence frames through a real kernel (tcpreplay over a veth pair into a
/// socket in another namespace), and live `mvps send` sessions with each selected peer profile (FRRouting's
/// bfdd, BIRD 2). Root only: it creates network namespaces. The network tests in tests/Mvps.Interop.Tests/Network
/// do the work; this target runs them with MVPS_INTEROP_ARTIFACTS set (leaving out the tests of peers not
/// selected), checks that none was skipped and nothing outlived them, verifies the captures they kept with
/// `mvps verify`, and writes artifacts/interop/summary.md with one row per peer.
/// </summary>
internal sealed partial class Build
{
    [Parameter("Peer profiles to run the baseline and DDoS sessions against: frr (FRRouting bfdd), bird (BIRD 2). Default: every peer installed here; on a build server every peer, and a missing one fails the build, as does a named one that is missing.")]
    private readonly string[]? Peers = null;

    private AbsolutePath InteropDirectory => ArtifactsDirectory / "interop";

    private const string InteropTestFilter = "FullyQualifiedName~Mvps.Interop.Tests.Network";

    /// <summary>
    /// What every namespace of this build's test run starts with: the tests' "mvps-test-" and this build's run tag, which
    /// the tests receive as MVPS_INTEROP_RUN (tests/Mvps.Interop.Tests/Network/TestNetwork.cs). Another clone's Interop
    /// running beside this one has its own tag, so the leftover check below never mistakes its live namespaces for ours.
    /// </summary>
    private static string TestNamespacePrefix => $"mvps-test-{InteropRunTag}-";

    private static string InteropRunTag => Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Target Interop => _ => _
        .Description("As root: replays both evidence files through a veth pair, runs baseline and DDoS sessions of mvps send with each peer of --peers (FRRouting's bfdd, BIRD) and floods a baseline session with FRR; writes artifacts/interop/ (captures, the peers' views, the flood's report, summary.md with a row per peer). Skipped, saying why, when not root.")
        .DependsOn(Compile)
        .OnlyWhenStatic(() => InteropPrerequisites() is null)
        .Executes(() =>
        {
            var peers = SelectedPeers();
            var filter = InteropTestFilter + string.Concat(InteropPeer.All.Except(peers).Select(peer => $"&Peer!={peer.Name}"));
            Log.Information($"Interop peers: {(peers.Count == 0 ? "none" : string.Join(", ", peers.Select(peer => peer.Name)))}");
            if (Directory.Exists(InteropDirectory))
            {
                Directory.Delete(InteropDirectory, recursive: true);
            }

            Directory.CreateDirectory(InteropDirectory);
            var project = RootDirectory / "tests" / "Mvps.Interop.Tests" / "Mvps.Interop.Tests.csproj";
            const string trxName = "interop.trx";
            ProcessTasks.StartProcess(
                "dotnet",
                ["test", project, "--no-build", "-c", Configuration.ToString(), "-nologo", "--filter", filter,
                    "--logger", $"trx;LogFileName={trxName}", "--results-directory", InteropDirectory],
                RootDirectory,
                environment: new Dictionary<string, string?> { ["MVPS_INTEROP_ARTIFACTS"] = InteropDirectory, ["MVPS_INTEROP_RUN"] = InteropRunTag },
                throwOnFailure: false);
            var counts = TestCounts.FromTrxFiles([InteropDirectory / trxName]);

            var leftovers = ProcessTasks.StartProcess("ip", ["netns", "list"], RootDirectory, logOutput: false).StandardOutput
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' ', 2)[0])
                .Where(name => name.StartsWith(TestNamespacePrefix, StringComparison.Ordinal))
                .ToList();

            var verdicts = new List<string>();
            var passed = new HashSet<string>(StringComparer.Ordinal);
            var verified = true;
            foreach (var capture in Directory.GetFiles(InteropDirectory, "*.pcap").Where(IsMvpsOnlyCapture).Order(StringComparer.Ordinal))
            {
                var result = CompiledTool.Run(["verify", "--quiet", capture], InteropDirectory, throwOnFailure: false, logOutput: false);
                verified &= result.ExitCode == 0;
                if (result.ExitCode == 0)
                {
                    passed.Add(Path.GetFileName(capture));
                }

                verdicts.AddRange(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => "- `mvps verify " + Path.GetFileName(capture) + "`: " + line.Replace(capture + ": ", "", StringComparison.Ordinal)));
            }

            var summary = InteropSummary(counts, leftovers, verdicts, passed);
            AtomicFile.WriteAllText(InteropDirectory / "summary.md", summary);
            var fragments = InteropDirectory / "summary.d";
            if (Directory.Exists(fragments))
            {
                Directory.Delete(fragments, recursive: true);
            }

            foreach (var line in summary.TrimEnd('\n').Split('\n'))
            {
                Log.Information(line);
            }

            ReportSummary(counts + (verdicts.Count > 0 ? $"; {verdicts.Count} capture(s) verified" : ""));
            if (counts.Failed > 0 || counts.Total == 0 || counts.Skipped > 0)
            {
                throw new BuildException(counts.Total == 0 ? "No interop tests ran."
                    : counts.Skipped > 0 ? $"{counts.Skipped} interop test(s) skipped: the wire proof is incomplete (see the skip reasons above)."
                    : $"{counts.Failed} interop test(s) failed.");
            }

            var silent = peers.Where(peer => !File.Exists(InteropDirectory / "peers" / (peer.Name + "_baseline.json")) || !File.Exists(InteropDirectory / "peers" / (peer.Name + "_ddos.json"))).ToList();
            if (silent.Count > 0)
            {
                throw new BuildException("no baseline or DDoS session result from peer(s) " + string.Join(", ", silent.Select(peer => peer.Name)) + " (see the test output above).");
            }

            if (leftovers.Count > 0)
            {
                throw new BuildException("test network namespaces outlived the tests: " + string.Join(", ", leftovers));
            }

            if (!verified)
            {
                throw new BuildException("a capture in artifacts/interop does not verify with mvps verify (see summary.md).");
            }
        });

    /// <summary>The peers of --peers (default: every peer), strict on a build server (see <see cref="InteropPeer.Select"/>).</summary>
    private IReadOnlyList<InteropPeer> SelectedPeers()
    {
        var peers = InteropPeer.Select(Peers, IsServerBuild, File.Exists, out var leftOut);
        foreach (var reason in leftOut)
        {
            Log.Warning($"Interop leaves out {reason}; on a build server this fails.");
        }

        return peers;
    }

    /// <summary>Null when the wire proof can run here, else why not (logged, so a skipped Interop says why).</summary>
    private static string? InteropPrerequisites()
    {
        var reason = !OperatingSystem.IsLinux() ? "network namespaces need Linux"
            : !Environment.IsPrivilegedProcess ? "it needs root to create network namespaces and veth pairs (ip netns add); run it as root, as CI does"
            : null;
        if (reason is not null)
        {
            Log.Warning("Interop skipped: " + reason);
        }

        return reason;
    }

    /// <summary>Captures `mvps verify` must pass: the replayed evidence, each session's two directions, and our direction alone
    /// (not the peer's direction alone, session_PEER_REGIME_peer.pcap: plain BFD).</summary>
    private static bool IsMvpsOnlyCapture(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith("_replayed.pcap", StringComparison.Ordinal) || name.EndsWith("_mvps.pcap", StringComparison.Ordinal)
            || (name.StartsWith("session_", StringComparison.Ordinal) && !name.EndsWith("_peer.pcap", StringComparison.Ordinal));
    }

    private string InteropSummary(TestCounts counts, List<string> leftovers, List<string> verdicts, HashSet<string> passed)
    {
        var text = new StringBuilder();
        text.Append("# Interop: MVPS frames on a real wire\n\n");
        text.Append("What ran (`./build.sh Interop`, as root; docs/interop.md has the same steps by hand):\n\n");
        text.Append("1. Two network namespaces joined by a veth pair: the vantage 203.0.113.10 (02:4d:56:50:53:0a) and the peer 203.0.113.20 (02:4d:56:50:53:14).\n");
        text.Append("2. `tcpreplay` of `evidence/mvps_baseline.pcap` and `evidence/mvps_ddos.pcap` out of the vantage; a UDP socket on 203.0.113.20:3784 and `tcpdump` in the peer namespace.\n");
        text.Append("3. Each peer profile in the peer namespace (FRRouting `zebra` + `bfdd`, BIRD 2's `protocol bfd`) and `mvps send --regime baseline|ddos --lattice-us 100000` in the vantage, `tcpdump` capturing both directions.\n");
        text.Append("4. A flood during a baseline session with FRR (`--lattice-us 200000`): `bfd_flooder.py` in the peer namespace sends 100,000 hostile datagrams from 203.0.113.20 to 203.0.113.10:3784, paced at 20,000 per second (`mvps send`, bfdd and the flooder at nice -10; docs/interop.md, \"Under a flood\").\n\n");
        text.Append(string.Create(CultureInfo.InvariantCulture, $"Tests: {counts}.\n\n"));
        text.Append("## Peers\n\n");
        text.Append(PeerTable(passed));
        text.Append("\n## Results\n\n");
        var fragments = InteropDirectory / "summary.d";
        if (Directory.Exists(fragments))
        {
            foreach (var file in Directory.GetFiles(fragments, "*.md").Order(StringComparer.Ordinal))
            {
                text.Append(File.ReadAllText(file));
            }
        }

        foreach (var name in counts.FailedTests)
        {
            text.Append("- FAILED: ").Append(name).Append('\n');
        }

        text.Append("\n## Verdicts\n\n");
        foreach (var verdict in verdicts)
        {
            text.Append(verdict).Append('\n');
        }

        text.Append(leftovers.Count == 0
            ? "- No test network namespace outlived the tests.\n"
            : "- Namespaces left behind: " + string.Join(", ", leftovers) + "\n");
        text.Append("\n## What this proves, and what not\n\n");
        text.Append("- The Linux IPv4/UDP stack accepts every evidence frame (headers and checksums) and delivers its payload unchanged.\n");
        text.Append("- Each peer above, an RFC 5880 implementation of its own, runs sessions with frames that carry the Coherence extension after the 24-byte BFD packet: it reads the BFD packet, counts our packets and ignores what follows.\n");
        text.Append("- Under a flood of garbage, wrong discriminators, TTL 254 copies of the peer's packets, bad tags and oversized datagrams from the peer's own address, both sessions stay Up and `mvps send` discards each datagram for the reason it was made to fail, short only by what the kernel dropped and counted.\n");
        text.Append("- Not shown: that a peer understands the extension (neither FRR nor BIRD reads past the BFD packet's Length), BFD authentication (no Authentication Section is sent), Echo or Demand mode, multihop BFD, IPv6.\n");
        return text.ToString();
    }

    /// <summary>
    /// One row per peer from the sessions' peers/PEER_REGIME.json (written by the tests) and the captures that
    /// verified here: version, timers, the state changes the peer logged, our packets it counted, captures verified.
    /// </summary>
    private string PeerTable(HashSet<string> passed)
    {
        var text = new StringBuilder();
        text.Append("| peer | version | timers | baseline: state changes | baseline: our packets counted by the peer | DDoS: state changes | DDoS: our packets counted by the peer | captures verified |\n");
        text.Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var peer in InteropPeer.All)
        {
            var baseline = ReadPeerSession(peer, "baseline");
            var ddos = ReadPeerSession(peer, "ddos");
            if (baseline is null && ddos is null)
            {
                continue;
            }

            var any = (baseline ?? ddos)!.RootElement;
            var captures = new[] { "baseline", "ddos" }.SelectMany(regime => new[] { $"session_{peer.Name}_{regime}.pcap", $"session_{peer.Name}_{regime}_mvps.pcap" }).ToList();
            text.Append(string.Create(CultureInfo.InvariantCulture,
                $"| {any.GetProperty("displayName").GetString()} | {any.GetProperty("version").GetString()} | {any.GetProperty("timers").GetString()} | {Changes(baseline)} | {Counted(baseline)} | {Changes(ddos)} | {Counted(ddos)} | {captures.Count(passed.Contains)} of {captures.Count} |\n"));
            baseline?.Dispose();
            ddos?.Dispose();
        }

        return text.ToString();

        static string Changes(JsonDocument? session) => session is null ? "not run" : session.RootElement.GetProperty("stateChanges").GetString()!;

        static string Counted(JsonDocument? session) => session is null ? "not run" : string.Create(CultureInfo.InvariantCulture,
            $"{session.RootElement.GetProperty("packetsCounted").GetInt64()} of {session.RootElement.GetProperty("packetsSent").GetInt64()} sent");
    }

    private JsonDocument? ReadPeerSession(InteropPeer peer, string regime)
    {
        var file = InteropDirectory / "peers" / $"{peer.Name}_{regime}.json";
        return File.Exists(file) ? JsonDocument.Parse(File.ReadAllText(file)) : null;
    }
}
