using Mvps.Codec.Wire;

namespace Mvps.Evidence.Analysis;

/// <summary>One authenticated MVPS frame of a capture, as the analysis and the report page need it.</summary>
public readonly record struct FrameObservation(
    long Index,
    VantageSessionKey Session,
    uint Tick,
    long TimestampSeconds,
    uint TimestampNanoseconds,
    CoherenceVector Vector,
    BfdState State,
    bool SenderAlarm);
