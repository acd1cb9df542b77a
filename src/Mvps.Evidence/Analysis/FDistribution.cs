namespace Mvps.Evidence.Analysis;

/// <summary>
/// The F distribution for an even numerator degree of freedom, with only + − × ÷ and sqrt.
/// <para>
/// Survival: P(F &gt; f) = 1 − I_x(a, b) with x = d1·f / (d1·f + d2), a = d1/2, b = d2/2. For an integer a the
/// regularized incomplete beta function has a finite form (the Beta–negative-binomial identity):
/// 1 − I_x(a, b) = (1 − x)^b · Σ_{j=0}^{a−1} c_j x^j, c_0 = 1, c_{j+1} = c_j (b + j)/(j + 1), for any real b &gt; 0.
/// (1 − x)^b is an integer power by squaring, times one sqrt when d2 is odd. No Log, Exp or Pow anywhere.
/// </para>
/// The quantile is found by bisection on f, which is monotone; it stops when the midpoint is no longer
/// strictly between the bracket's ends, so the answer is the same double on every machine.
/// </summary>
public static class FDistribution
{
    private const int MaxBisections = 2_000;

    /// <summary>P(F(d1, d2) &gt; f) for an even d1 ≥ 2 and d2 ≥ 1.</summary>
    internal static double Survival(double f, int d1, int d2)
    {
        RequireDegrees(d1, d2);
        if (!(f > 0))
        {
            return 1;
        }

        if (double.IsPositiveInfinity(f))
        {
            return 0;
        }

        var scaled = d1 * f;
        var x = scaled / (scaled + d2);
        var oneMinusX = d2 / (scaled + d2); // computed directly: 1 − x would cancel for small x
        double series = 0;
        double coefficient = 1;
        double xPower = 1;
        var b = d2 / 2.0;
        for (var j = 0; j < d1 / 2; j++)
        {
            series += coefficient * xPower;
            coefficient = coefficient * (b + j) / (j + 1);
            xPower *= x;
        }

        var power = IntegerPower(oneMinusX, d2 / 2);
        if (d2 % 2 == 1)
        {
            power *= Math.Sqrt(oneMinusX);
        }

        return power * series;
    }

    /// <summary>The f with P(F(d1, d2) &gt; f) = <paramref name="upperTail"/>, i.e. the (1 − upperTail) quantile.</summary>
    internal static double UpperQuantile(double upperTail, int d1, int d2)
    {
        RequireDegrees(d1, d2);
        if (!(upperTail > 0 && upperTail < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(upperTail), upperTail, "the tail probability must be strictly between 0 and 1");
        }

        double low = 0;
        double high = 1;
        while (Survival(high, d1, d2) > upperTail)
        {
            low = high;
            high *= 2;
            if (double.IsInfinity(high))
            {
                throw new ArgumentOutOfRangeException(nameof(upperTail), upperTail, "quantile beyond the double range");
            }
        }

        for (var i = 0; i < MaxBisections; i++)
        {
            var middle = low + (high - low) / 2;
            if (!(middle > low && middle < high))
            {
                break;
            }

            if (Survival(middle, d1, d2) > upperTail)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    /// <summary>value^exponent by binary exponentiation: a fixed sequence of multiplications for a given exponent.</summary>
    public static double IntegerPower(double value, int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        double result = 1;
        var square = value;
        while (exponent > 0)
        {
            if ((exponent & 1) != 0)
            {
                result *= square;
            }

            exponent >>= 1;
            if (exponent > 0)
            {
                square *= square;
            }
        }

        return result;
    }

    private static void RequireDegrees(int d1, int d2)
    {
        if (d1 < 2 || d1 % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(d1), d1, "the numerator degrees of freedom must be even and at least 2");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(d2, 1);
    }
}
