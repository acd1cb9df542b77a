namespace Mvps.Evidence.Analysis;

/// <summary>
/// The lower-triangular L of a symmetric positive-definite matrix A = L Lᵀ, and the quadratic form
/// zᵀ A⁻¹ z = |L⁻¹ z|² by forward substitution. Only + − × ÷ and sqrt, in one fixed loop order, so every
/// IEEE machine gets the same bits (no BLAS, no fused multiply-add: .NET never contracts a*b+c by itself).
/// </summary>
internal sealed class CholeskyFactor
{
    private readonly double[,] _lower;

    private CholeskyFactor(double[,] lower) => _lower = lower;

    public int Size => _lower.GetLength(0);

    /// <summary>
    /// Null when <paramref name="matrix"/> is not positive definite, or when a pivot's square (what is left of a
    /// diagonal entry after the earlier columns) is not above <paramref name="minimumPivotSquared"/>.
    /// </summary>
    public static CholeskyFactor? TryFactor(double[,] matrix, double minimumPivotSquared = 0)
    {
        var size = matrix.GetLength(0);
        var lower = new double[size, size];
        for (var j = 0; j < size; j++)
        {
            var diagonal = matrix[j, j];
            for (var k = 0; k < j; k++)
            {
                diagonal -= lower[j, k] * lower[j, k];
            }

            if (!(diagonal > minimumPivotSquared) || double.IsInfinity(diagonal))
            {
                return null;
            }

            var pivot = Math.Sqrt(diagonal);
            lower[j, j] = pivot;
            for (var i = j + 1; i < size; i++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                lower[i, j] = sum / pivot;
            }
        }

        return new CholeskyFactor(lower);
    }

    /// <summary>zᵀ A⁻¹ z for a vector of <see cref="Size"/> components.</summary>
    public double QuadraticForm(ReadOnlySpan<double> z)
    {
        Span<double> y = stackalloc double[Size];
        double sum = 0;
        for (var i = 0; i < Size; i++)
        {
            var value = z[i];
            for (var k = 0; k < i; k++)
            {
                value -= _lower[i, k] * y[k];
            }

            y[i] = value / _lower[i, i];
            sum += y[i] * y[i];
        }

        return sum;
    }
}
