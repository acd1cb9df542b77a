using System.Globalization;

namespace Mvps.Evidence.Analysis;

/// <summary>
/// A session's reference: the sample mean μ and the unbiased sample covariance Σ (divided by n − 1) of its
/// coherence vectors, and D² = (x − μ)ᵀ Σ⁻¹ (x − μ). The variables are standardised before factorising
/// (z = (x − μ)/σ, Σ becomes the correlation matrix R, D² = zᵀ R⁻¹ z, the same number): φ in ns and C in [0, 1]
/// differ by 10⁶ in scale, which makes the raw Σ's condition number about 7 × 10¹¹ on the evidence.
/// Sums run in frame order, so the bits depend only on the input.
/// </summary>
public sealed class ReferenceModel
{
    private const int P = CoherenceVector.Dimension;

    /// <summary>
    /// On the correlation matrix a pivot² is 1 − R² of that variable regressed on the earlier ones: below 10⁻¹²
    /// the variable is a linear function of the others up to rounding, and D² would be noise amplified 10¹² times.
    /// </summary>
    private const double MinimumPivotSquared = 1e-12;

    private readonly double[] _mean;
    private readonly double[,] _covariance;
    private readonly double[] _scale;
    private readonly CholeskyFactor _correlationFactor;

    private ReferenceModel(long count, double[] mean, double[,] covariance, double[] scale, CholeskyFactor correlationFactor)
    {
        Count = count;
        _mean = mean;
        _covariance = covariance;
        _scale = scale;
        _correlationFactor = correlationFactor;
    }

    /// <summary>n, the number of reference vectors.</summary>
    public long Count { get; }

    /// <summary>The number of reference vectors a frame is scored against: n, or n − 1 when it is scored leave-one-out.</summary>
    internal long CountScoredAgainst(bool leaveOneOut) => leaveOneOut ? Count - 1 : Count;

    /// <summary>The sample mean of the reference vectors on <paramref name="axis"/> (0 = φ in ns, then C1, C2, C3).</summary>
    public double Mean(int axis) => _mean[axis];

    /// <summary>The sample covariance (divisor n − 1) of axes <paramref name="row"/> and <paramref name="column"/>.</summary>
    public double Covariance(int row, int column) => _covariance[row, column];

    /// <summary>
    /// Builds the model, or returns null with the reason when it cannot score anything: fewer than p + 2 vectors
    /// (leave-one-out needs n − 1 &gt; p), an axis without variance, or a singular correlation matrix.
    /// </summary>
    internal static ReferenceModel? TryCreate(IReadOnlyList<CoherenceVector> vectors, out string? problem)
    {
        long n = vectors.Count;
        if (n < P + 2)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{n} reference frame(s): at least {P + 2} are needed (p = {P} variables, and leave-one-out scoring uses n − 1)");
            return null;
        }

        var mean = new double[P];
        foreach (var x in vectors)
        {
            for (var i = 0; i < P; i++)
            {
                mean[i] += x[i];
            }
        }

        for (var i = 0; i < P; i++)
        {
            mean[i] /= n;
        }

        var covariance = new double[P, P];
        Span<double> d = stackalloc double[P];
        foreach (var x in vectors)
        {
            for (var i = 0; i < P; i++)
            {
                d[i] = x[i] - mean[i];
            }

            for (var i = 0; i < P; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    covariance[i, j] += d[i] * d[j];
                }
            }
        }

        var scale = new double[P];
        for (var i = 0; i < P; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                covariance[i, j] /= n - 1;
                covariance[j, i] = covariance[i, j];
            }

            scale[i] = Math.Sqrt(covariance[i, i]);
            if (!(scale[i] > 0) || double.IsInfinity(scale[i]))
            {
                problem = $"{CoherenceVector.Names[i]} has no variance in the reference: D² is undefined";
                return null;
            }
        }

        var correlation = new double[P, P];
        for (var i = 0; i < P; i++)
        {
            for (var j = 0; j < P; j++)
            {
                correlation[i, j] = i == j ? 1 : covariance[i, j] / (scale[i] * scale[j]);
            }
        }

        var factor = CholeskyFactor.TryFactor(correlation, MinimumPivotSquared);
        if (factor is null)
        {
            problem = "the reference's correlation matrix is singular (the variables are linearly dependent): D² is undefined";
            return null;
        }

        problem = null;
        return new ReferenceModel(n, mean, covariance, scale, factor);
    }

    /// <summary>D² of a new observation x against μ, Σ.</summary>
    public double DistanceSquared(in CoherenceVector x)
    {
        Span<double> z = stackalloc double[P];
        for (var i = 0; i < P; i++)
        {
            z[i] = (x[i] - _mean[i]) / _scale[i];
        }

        return _correlationFactor.QuadraticForm(z);
    }

    /// <summary>
    /// D² of reference member x against μ, Σ of the other n − 1 members, without refitting. With h = D²(x)/(n − 1)
    /// (the scatter-matrix form), removing x gives x − μ₍ᵢ₎ = n/(n − 1)·(x − μ) and, by Sherman–Morrison,
    /// D²₍ᵢ₎ = (n − 2)·(n/(n − 1))²·h / (1 − n·h/(n − 1)). The oracle test refits directly and agrees to 1e-9.
    /// </summary>
    internal double LeaveOneOutDistanceSquared(in CoherenceVector member)
    {
        double n = Count;
        var h = DistanceSquared(member) / (n - 1);
        var ratio = n / (n - 1);
        return (n - 2) * ratio * ratio * h / (1 - ratio * h);
    }
}
