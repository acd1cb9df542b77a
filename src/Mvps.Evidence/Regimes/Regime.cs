namespace Mvps.Evidence.Regimes;

/// <summary>The two network regimes of the proof: a healthy session and the D-4 DDoS scenario.</summary>
public enum Regime
{
    /// <summary>The healthy network.</summary>
    Baseline,
    /// <summary>The D-4 DDoS scenario: onset, peak, partial mitigation.</summary>
    Ddos,
}
