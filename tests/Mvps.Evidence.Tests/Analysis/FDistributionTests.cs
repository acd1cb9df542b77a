using Mvps.Evidence.Analysis;

namespace Mvps.Evidence.Tests.Analysis;

/// <summary>
/// The F quantile and survival from basic operations, against values from scipy.stats.f (scipy 1.10, Debian 12:
/// `python3 -c "from scipy import stats; print(repr(stats.f.isf(a, d1, d2)), repr(stats.f.sf(3.5, d1, d2)))"`).
/// The AnalysisOracleTests recompute the thresholds with scipy at run time as well.
/// </summary>
public sealed class FDistributionTests
{
    [Theory]
    [InlineData(4, 26, 0.001, 6.405738218260263, 0.020519492695153862, 1e-12)]  // the evidence: n = 30
    [InlineData(4, 25, 0.001, 6.4930591570631675, 0.021149090074959954, 1e-12)] // leave-one-out: n − 1 = 29 (odd d2: one sqrt)
    [InlineData(2, 7, 0.05, 4.73741412777588, 0.08838834764831843, 1e-12)]
    [InlineData(6, 101, 0.01, 2.98578349955717, 0.003469761245256082, 1e-12)]
    [InlineData(4, 999_996, 0.001, 4.6167447495006435, 0.007295323816944374, 1e-9)]
    [InlineData(4, 1, 0.1, 55.83296112251304, 0.37869170496250293, 1e-12)]
    public void Quantile_and_survival_agree_with_scipy(int d1, int d2, double alpha, double quantile, double survivalAt3p5, double tolerance)
    {
        // (d2/(d2 + d1·f))^(d2/2): the base's half-ulp rounding grows d2/2-fold, so d2 = 10⁶ keeps about 10 digits.
        AssertRelative(quantile, FDistribution.UpperQuantile(alpha, d1, d2), tolerance);
        AssertRelative(survivalAt3p5, FDistribution.Survival(3.5, d1, d2), tolerance * 10);
    }

    [Fact]
    public void The_evidence_threshold_is_the_issue_s_29_532_and_far_above_the_chi_square_quantile()
    {
        var critical = HotellingThreshold.Critical(4, 30, 0.001);
        AssertRelative(29.53209568315885, critical, 1e-12); // scipy: 4·29·31/(30·26) · f.ppf(0.999, 4, 26)
        Assert.True(critical > 18.46682695290317 + 11); // χ²(4) 0.999 quantile: too low for n = 30
        Assert.Equal(0.001, HotellingThreshold.PValue(critical, 4, 30), 12);
    }

    [Fact]
    public void Survival_is_monotone_and_bounded()
    {
        double previous = 1;
        for (double f = 0; f < 200; f += 0.25)
        {
            var s = FDistribution.Survival(f, 4, 26);
            Assert.InRange(s, 0, previous);
            previous = s;
        }

        Assert.Equal(1, FDistribution.Survival(-1, 4, 26));
        Assert.Equal(0, FDistribution.Survival(double.PositiveInfinity, 4, 26));
    }

    [Theory]
    [InlineData(3, 10)]
    [InlineData(0, 10)]
    [InlineData(4, 0)]
    public void Odd_or_non_positive_degrees_are_refused(int d1, int d2) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FDistribution.Survival(1, d1, d2));

    [Fact]
    public void Integer_power_multiplies_exactly_as_repeated_squaring()
    {
        Assert.Equal(1, FDistribution.IntegerPower(0.3, 0));
        Assert.Equal(0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5, FDistribution.IntegerPower(0.5, 13));
        Assert.Equal(1024.0, FDistribution.IntegerPower(2, 10));
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
