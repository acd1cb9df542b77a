namespace Mvps.Evidence.Analysis;

/// <summary>
/// The broker's view of one lattice tick: the m vantages with a frame at tick k, the sum of their D², how many of
/// them alarm on their own, and the joint p-value (Tippett's minimum with the exact per-vantage p-values, see
/// docs/analysis.md): the bundle alarms when it is below α.
/// </summary>
public readonly record struct BundleTick(uint Tick, int Vantages, int AlarmedVantages, double SumDistanceSquared, double PValue, bool Alarm);
