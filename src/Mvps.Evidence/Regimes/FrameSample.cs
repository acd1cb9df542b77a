using Mvps.Codec.Wire;

namespace Mvps.Evidence.Regimes;

/// <summary>One generated frame: its capture timestamp and its fields.</summary>
public readonly record struct FrameSample(long TimestampSeconds, uint TimestampMicroseconds, CoherenceFrame Fields);
