using Mvps.Codec.Wire;

namespace Mvps.Evidence.Analysis;

/// <summary>
/// The coherence vector x = (φ in ns, C1, C2, C3) of one frame: φ as a double, the C values as their
/// float32 values widened to double (both conversions are exact).
/// </summary>
public readonly record struct CoherenceVector(double PhiNanoseconds, double C1, double C2, double C3)
{
    /// <summary>The number of axes, p = 4.</summary>
    public const int Dimension = 4;

    /// <summary>The axis names in vector order, as the analysis output labels them.</summary>
    public static readonly string[] Names = ["phi_ns", "C1", "C2", "C3"];

    internal static CoherenceVector Of(in CoherenceFrame frame) => new(frame.PhiNanoseconds, frame.C1, frame.C2, frame.C3);

    internal double this[int axis] => axis switch
    {
        0 => PhiNanoseconds,
        1 => C1,
        2 => C2,
        3 => C3,
        _ => throw new ArgumentOutOfRangeException(nameof(axis)),
    };
}
