namespace Mvps.Interop.Tests.Network;

/// <summary>
/// A peer's view of its session with us, in the terms every profile can give: its state ("Down", "Init", "Up",
/// "AdminDown"), how many of our Control packets it counted, whether it has seen our AdminDown, and, where the
/// peer shows them, the discriminators.
/// </summary>
internal sealed record PeerView(string State, long PacketsCounted, bool SawAdminDown, uint? LocalDiscriminator, uint? RemoteDiscriminator)
{
    public bool IsUp => State == "Up";
}

/// <summary>One state change from a peer's log, with its cause in common terms (<see cref="DetectionTimeExpired"/>,
/// <see cref="NeighborSignalledDown"/>) or the peer's own word for it; empty when it gives none.</summary>
internal sealed record PeerStateChange(string From, string To, string Reason)
{
    /// <summary>No Control packet within the detection time (RFC 5880 diagnostic 1).</summary>
    public const string DetectionTimeExpired = "detection time expired";

    /// <summary>Our packet said Down or AdminDown (diagnostic 3).</summary>
    public const string NeighborSignalledDown = "neighbor signalled down";

    public bool IsUpToDown => From == "Up" && To == "Down";

    public override string ToString() => Reason.Length == 0 ? $"{From} -> {To}" : $"{From} -> {To} ({Reason})";
}
