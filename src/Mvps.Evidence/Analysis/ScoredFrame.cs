namespace Mvps.Evidence.Analysis;

/// <summary>A frame's D² against its session's reference, and whether it exceeds the threshold.</summary>
public readonly record struct ScoredFrame(FrameObservation Frame, double DistanceSquared, bool Alarm);
