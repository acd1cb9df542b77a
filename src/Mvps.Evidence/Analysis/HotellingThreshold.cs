using System.Globalization;

namespace Mvps.Evidence.Analysis;

/// <summary>
/// The alarm threshold for one new observation scored against a mean and covariance estimated from n reference
/// observations in p dimensions (the prediction form of Hotelling's T²):
/// D² · n(n − p) / (p(n − 1)(n + 1)) ~ F(p, n − p), so T²crit = p(n − 1)(n + 1) / (n(n − p)) · F(p, n − p; 1 − α).
/// The asymptotic χ²(p) quantile ignores that μ and Σ are estimates and is far too low for small n
/// (n = 30, p = 4, α = 0.001: 18.467 against 29.532).
/// </summary>
public static class HotellingThreshold
{
    /// <summary>The false-alarm rate per frame used when none is given: one in a thousand.</summary>
    public const double DefaultAlpha = 0.001;

    /// <summary>The fewest reference frames the threshold is defined for: n − p ≥ 1.</summary>
    internal static int MinimumReference(int dimension) => dimension + 1;

    /// <summary>The factor p(n − 1)(n + 1) / (n(n − p)) that turns an F(p, n − p) value into a D² value.</summary>
    internal static double Scale(int dimension, long referenceCount) =>
        (double)dimension * (referenceCount - 1) * (referenceCount + 1) / ((double)referenceCount * (referenceCount - dimension));

    internal static double Critical(int dimension, long referenceCount, double alpha)
    {
        Require(dimension, referenceCount);
        return Scale(dimension, referenceCount) * FDistribution.UpperQuantile(alpha, dimension, (int)Math.Min(referenceCount - dimension, int.MaxValue));
    }

    /// <summary>P(D² &gt; d2) for a new observation from the reference's distribution: the frame's exact p-value.</summary>
    public static double PValue(double distanceSquared, int dimension, long referenceCount)
    {
        Require(dimension, referenceCount);
        return FDistribution.Survival(distanceSquared / Scale(dimension, referenceCount), dimension, (int)Math.Min(referenceCount - dimension, int.MaxValue));
    }

    private static void Require(int dimension, long referenceCount)
    {
        if (referenceCount < MinimumReference(dimension))
        {
            throw new ArgumentOutOfRangeException(nameof(referenceCount), referenceCount, string.Create(CultureInfo.InvariantCulture, $"the threshold needs at least {MinimumReference(dimension)} reference frames"));
        }
    }
}
