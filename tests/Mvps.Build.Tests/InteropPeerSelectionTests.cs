using Mvps.Build.Engine;

namespace Mvps.Build.Tests;

/// <summary>--peers of the Interop target: by default every installed peer here, every peer on a build server.</summary>
public sealed class InteropPeerSelectionTests
{
    private static readonly Func<string, bool> Everything = _ => true;
    private static readonly Func<string, bool> NoBird = program => !program.Contains("bird", StringComparison.Ordinal);

    [Fact]
    public void FRR_and_BIRD_are_the_known_peers()
    {
        Assert.Equal(["frr", "bird"], InteropPeer.All.Select(peer => peer.Name));
        Assert.Equal(["frr", "bird"], InteropPeer.Select(null, strict: true, Everything, out var leftOut).Select(peer => peer.Name));
        Assert.Empty(leftOut);
    }

    [Fact]
    public void Named_peers_are_the_ones_run()
    {
        Assert.Equal(["bird"], InteropPeer.Select(["bird"], strict: false, Everything, out _).Select(peer => peer.Name));
    }

    [Fact]
    public void Locally_the_default_leaves_out_a_missing_peer_and_says_how_to_install_it()
    {
        var peers = InteropPeer.Select(null, strict: false, NoBird, out var leftOut);

        Assert.Equal(["frr"], peers.Select(peer => peer.Name));
        Assert.Equal(["peer bird: /usr/sbin/bird, /usr/sbin/birdc not installed (apt-get install -y bird2)"], leftOut);
    }

    [Fact]
    public void On_a_build_server_a_missing_peer_fails()
    {
        var error = Assert.Throws<BuildException>(() => InteropPeer.Select(null, strict: true, NoBird, out _));

        Assert.Contains("apt-get install -y bird2", error.Message, StringComparison.Ordinal);
        Assert.Contains("--peers frr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_peer_that_is_missing_fails_also_locally()
    {
        Assert.Throws<BuildException>(() => InteropPeer.Select(["frr", "bird"], strict: false, NoBird, out _));
    }

    [Fact]
    public void An_unknown_peer_is_rejected_with_the_known_names()
    {
        var error = Assert.Throws<BuildException>(() => InteropPeer.Select(["juniper"], strict: false, Everything, out _));

        Assert.Contains("juniper", error.Message, StringComparison.Ordinal);
        Assert.Contains("Known: frr, bird", error.Message, StringComparison.Ordinal);
    }
}
