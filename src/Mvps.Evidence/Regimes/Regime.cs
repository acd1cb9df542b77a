namespace Mvps.Evidence.Regimes;

/// <summary>The two network regimes of the proof: a healthy session and the D-4 DDoS scenario.</summary>
public enum Regime
{
    Baseline,
    Ddos,
}
