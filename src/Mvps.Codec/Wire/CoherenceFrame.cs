namespace Mvps.Codec.Wire;

/// <summary>
/// The fields of one MVPS Coherence-BFD frame that vary from frame to frame. Everything else
/// (addresses, ports, lengths, versions, magic, checksums, tag) is fixed or derived by the encoder.
/// </summary>
public readonly record struct CoherenceFrame(
    BfdControlPacket Bfd,
    byte ExtensionVersion,
    byte ExtensionFlags,
    ushort VantageId,
    uint LatticePeriodUs,
    uint Tick,
    int PhiNanoseconds,
    float C1,
    float C2,
    float C3)
{
    /// <summary>The IPv4 identification the encoder writes: the low 16 bits of the tick, so it is deterministic.</summary>
    public ushort Ipv4Identification => (ushort)Tick;

    /// <summary>Whether the sender raised its own coherence alarm (the alarm bit of <see cref="ExtensionFlags"/>).</summary>
    public bool Alarm => (ExtensionFlags & WireConstants.ExtensionFlagAlarm) != 0;
}
