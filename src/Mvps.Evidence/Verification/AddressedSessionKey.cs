namespace Mvps.Evidence.Verification;

/// <summary>
/// A BFD session as a capture shows it: source and destination address plus My Discriminator (RFC 5880 §6.3
/// demultiplexes on the discriminator; the addresses keep two hosts that chose the same one apart).
/// Addresses are held as 128-bit numbers, IPv4 zero-extended, so a key is a value without references.
/// </summary>
internal readonly record struct AddressedSessionKey(UInt128 Source, UInt128 Destination, uint MyDiscriminator, byte IpVersion);
