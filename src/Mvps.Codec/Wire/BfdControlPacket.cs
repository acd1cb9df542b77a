namespace Mvps.Codec.Wire;

/// <summary>The mandatory section of an RFC 5880 BFD Control packet (24 bytes, no authentication).</summary>
public readonly record struct BfdControlPacket(
    byte Version,
    BfdDiagnostic Diagnostic,
    BfdState State,
    BfdFlags Flags,
    byte DetectMultiplier,
    byte Length,
    uint MyDiscriminator,
    uint YourDiscriminator,
    uint DesiredMinTxIntervalUs,
    uint RequiredMinRxIntervalUs,
    uint RequiredMinEchoRxIntervalUs);
