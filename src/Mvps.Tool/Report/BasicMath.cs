namespace Mvps.Tool.Report;

/// <summary>
/// log10 from IEEE basic operations only, for the charts' logarithmic axes: Math.Log differs by an ulp between x64 and
/// arm64 libm, and an ulp can move a rounded SVG coordinate. x = m·2^e is split exactly from the bits, ln m comes from
/// the atanh series 2(s + s³/3 + …) with s = (m − 1)/(m + 1), |s| ≤ 0.172, to a fixed 24 terms (s⁴⁹ &lt; 10⁻³⁷).
/// </summary>
internal static class BasicMath
{
    private const double Ln2 = 0.6931471805599453;
    private const double Ln10 = 2.302585092994046;
    private const double Sqrt2 = 1.4142135623730951;
    private const int SeriesTerms = 24;

    public static double Log10(double x)
    {
        if (!(x > 0) || !double.IsFinite(x) || !double.IsNormal(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "log10 needs a positive, finite, normal number");
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        var mantissa = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L); // [1, 2)
        if (mantissa > Sqrt2)
        {
            mantissa /= 2;
            exponent++;
        }

        var s = (mantissa - 1) / (mantissa + 1);
        var s2 = s * s;
        var term = s;
        double sum = 0;
        for (var k = 0; k < SeriesTerms; k++)
        {
            sum += term / (2 * k + 1);
            term *= s2;
        }

        return (2 * sum + exponent * Ln2) / Ln10;
    }

    /// <summary>The symmetric logarithm sign(v)·log10(1 + |v|/c): linear near zero, logarithmic beyond c.</summary>
    public static double SymmetricLog(double value, double linearWidth) =>
        value == 0 ? 0 : Math.Sign(value) * Log10(1 + Math.Abs(value) / linearWidth);
}
