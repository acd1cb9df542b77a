namespace Mvps.Evidence.Regimes;

/// <summary>
/// What distinguishes one regime from the other: where its tick lattice starts and how attack
/// severity (per mille, 0 = healthy, 1000 = peak) evolves over the run. docs/regimes.md explains the numbers.
/// </summary>
public sealed record RegimeProfile(Regime Regime, string Name, string FileName, string Description, uint FirstTick, ulong StreamSalt)
{
    /// <summary>The healthy regime, written to mvps_baseline.pcap.</summary>
    public static readonly RegimeProfile Baseline = new(
        Regime.Baseline, "baseline", "mvps_baseline.pcap",
        "healthy network: BFD session Up on a 100 ms tick lattice, phase residuals of a few microseconds, coherence near 1",
        FirstTick: 1_000, StreamSalt: 0x4241_5345_4C49_4E45); // "BASELINE"

    /// <summary>The D-4 DDoS regime, written to mvps_ddos.pcap.</summary>
    public static readonly RegimeProfile Ddos = new(
        Regime.Ddos, "ddos", "mvps_ddos.pcap",
        "D-4 DDoS scenario: attack onset at 20% of the run, peak from 50% to 80%, partial mitigation after; phase residuals grow, coherence collapses, ticks are lost, the BFD session times out and recovers",
        FirstTick: 36_000, StreamSalt: 0x4444_4F53_2D44_3400); // "DDOS-D4\0"

    /// <summary>Both regimes, in the order the evidence lists them.</summary>
    public static IReadOnlyList<RegimeProfile> All { get; } = [Baseline, Ddos];

    internal static RegimeProfile For(Regime regime) => regime == Regime.Baseline ? Baseline : Ddos;

    /// <summary>The index of the first frame with a non-zero severity, or -1 when the regime has no attack (the baseline).</summary>
    internal long FirstAttackedIndex(long frameCount)
    {
        if (Regime == Regime.Baseline)
        {
            return -1;
        }

        for (long index = 0; index < frameCount; index++)
        {
            if (SeverityPerMille(index, frameCount) > 0)
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>The attack phase of frame <paramref name="index"/>: "healthy" for the baseline, else one of the four rows of docs/regimes.md.</summary>
    public string AttackPhase(long index, long frameCount)
    {
        if (Regime == Regime.Baseline)
        {
            return "healthy";
        }

        return (index * 1000 / frameCount) switch
        {
            < 200 => "before the attack",
            < 500 => "onset",
            < 800 => "peak",
            _ => "mitigation",
        };
    }

    /// <summary>Attack severity in per mille at frame <paramref name="index"/> of <paramref name="frameCount"/>; integer-only.</summary>
    internal int SeverityPerMille(long index, long frameCount)
    {
        if (Regime == Regime.Baseline)
        {
            return 0;
        }

        var p = index * 1000 / frameCount; // position in the run, per mille
        return p switch
        {
            < 200 => 0,                                 // before the attack
            < 500 => (int)((p - 200) * 1000 / 300),     // onset: severity ramps up
            < 800 => 1000,                              // sustained peak
            _ => (int)(1000 - (p - 800) * 3),           // mitigation: down to 400 by the end
        };
    }
}
