namespace Mvps.Codec.Capture;

/// <summary>What an Interface Description Block says about the packets recorded on that interface.</summary>
internal readonly record struct PcapngInterface(
    uint LinkType,
    uint SnapLength,
    PcapngTimestampResolution Resolution,
    long TimestampOffsetSeconds);
