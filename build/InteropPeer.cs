using Mvps.Build.Determinism;
using Mvps.Build.Engine;

/// <summary>
/// A peer profile as the build sees it: the name `--peers` selects (the tests' "Peer" trait,
/// tests/Mvps.Interop.Tests/Network/PeerTrait.cs), the programs that must be installed for its tests to run, and
/// the Debian package that installs them. The profiles themselves (how to configure, start, read and stop the
/// peer) are in tests/Mvps.Interop.Tests/Network: FrrPeer, BirdPeer.
/// </summary>
internal sealed record InteropPeer(string Name, string Package, IReadOnlyList<string> Programs)
{
    public static IReadOnlyList<InteropPeer> All { get; } =
    [
        new("frr", "frr", ["/usr/lib/frr/zebra", "/usr/lib/frr/bfdd", "/usr/bin/vtysh"]),
        new("bird", "bird2", ["/usr/sbin/bird", "/usr/sbin/birdc"]),
    ];

    /// <summary>
    /// The peers of <paramref name="names"/> (null: every peer). A named peer that is missing, or any missing
    /// peer when <paramref name="strict"/> (a build server), fails with the install command, as a selected
    /// evidence run does: a wire proof that quietly leaves out a peer is not the one CI claims. Otherwise a
    /// missing peer is left out and named in <paramref name="leftOut"/>.
    /// </summary>
    public static IReadOnlyList<InteropPeer> Select(IReadOnlyList<string>? names, bool strict, Func<string, bool> installed, out IReadOnlyList<string> leftOut)
    {
        var unknown = (names ?? []).Where(name => All.All(peer => peer.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            throw new BuildException($"Unknown peer(s) {string.Join(", ", unknown)}. Known: {string.Join(", ", All.Select(peer => peer.Name))}.");
        }

        var selected = names is null ? All : [.. All.Where(peer => names.Contains(peer.Name))];
        var missing = selected.Select(peer => (peer, reason: peer.Missing(installed))).Where(pair => pair.reason is not null).ToList();
        if (missing.Count > 0 && (names is not null || strict))
        {
            var others = selected.Except(missing.Select(pair => pair.peer)).Select(peer => peer.Name).ToList();
            throw new BuildException($"{string.Join("; ", missing.Select(pair => pair.reason))}. Install it"
                + (others.Count > 0 ? $", or name the peers to run: --peers {string.Join(' ', others)}." : "."));
        }

        leftOut = [.. missing.Select(pair => pair.reason!)];
        return [.. selected.Except(missing.Select(pair => pair.peer))];
    }

    /// <summary>Null when every program of this peer is installed, else which are missing and how to install them.</summary>
    public string? Missing(Func<string, bool> installed)
    {
        var missing = Programs.Where(program => !installed(program)).ToList();
        return missing.Count == 0 ? null : $"peer {Name}: {string.Join(", ", missing)} not installed (apt-get install -y {Package})";
    }
}
