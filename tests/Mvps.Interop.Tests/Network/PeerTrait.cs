namespace Mvps.Interop.Tests.Network;

/// <summary>
/// The trait that names the peer profile a network test needs ([Trait(PeerTrait.Name, "bird")]):
/// `./build.sh Interop --peers …` leaves out the tests of the peers not selected with the filter `Peer!=NAME`.
/// </summary>
public static class PeerTrait
{
    public const string Name = "Peer";
}
