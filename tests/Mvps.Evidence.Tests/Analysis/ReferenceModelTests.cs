using Mvps.Evidence.Analysis;

namespace Mvps.Evidence.Tests.Analysis;

public sealed class ReferenceModelTests
{
    private static readonly CoherenceVector[] Sample = [.. Enumerable.Range(0, 40).Select(i => new CoherenceVector(
        ((i * 7919) % 3001) - 1500, 0.99 + (((i * 104729) % 2001) - 1000) * 1e-6, 0.987 + (((i * 1299709) % 1999) - 999) * 1e-6 + i * 1e-7, 0.995 + (((i * 15485863) % 2003) - 1001) * 1e-6))];

    [Fact]
    public void Leave_one_out_closed_form_equals_refitting_without_the_frame()
    {
        var full = ReferenceModel.TryCreate(Sample, out _)!;
        for (var i = 0; i < Sample.Length; i++)
        {
            var refit = ReferenceModel.TryCreate([.. Sample.Where((_, k) => k != i)], out _)!;
            var expected = refit.DistanceSquared(Sample[i]);
            var actual = full.LeaveOneOutDistanceSquared(Sample[i]);
            Assert.True(Math.Abs(expected - actual) <= 1e-9 * expected, $"frame {i}: refit {expected:R}, closed form {actual:R}");
        }
    }

    [Fact]
    public void Distance_of_the_mean_is_zero_and_scaling_an_axis_changes_nothing()
    {
        var model = ReferenceModel.TryCreate(Sample, out _)!;
        var mean = new CoherenceVector(model.Mean(0), model.Mean(1), model.Mean(2), model.Mean(3));
        Assert.True(model.DistanceSquared(mean) < 1e-20);

        // D² is invariant under a change of unit: φ in µs instead of ns gives the same distances.
        var micro = ReferenceModel.TryCreate([.. Sample.Select(v => v with { PhiNanoseconds = v.PhiNanoseconds / 1000 })], out _)!;
        var probe = new CoherenceVector(2500, 0.9, 0.95, 0.99);
        var expected = model.DistanceSquared(probe);
        Assert.True(Math.Abs(expected - micro.DistanceSquared(probe with { PhiNanoseconds = 2.5 })) <= 1e-9 * expected);
    }

    [Fact]
    public void Degenerate_references_are_refused_with_a_reason()
    {
        Assert.Null(ReferenceModel.TryCreate(Sample[..5], out var tooFew));
        Assert.Contains("at least 6", tooFew);

        Assert.Null(ReferenceModel.TryCreate([.. Sample.Select(v => v with { C2 = 0.5 })], out var constant));
        Assert.Contains("C2 has no variance", constant);

        Assert.Null(ReferenceModel.TryCreate([.. Sample.Select(v => v with { C3 = v.C1 })], out var dependent));
        Assert.Contains("singular", dependent);
    }

    [Fact]
    public void Cholesky_quadratic_form_matches_a_hand_inverse()
    {
        // A = [[4, 2], [2, 3]], A⁻¹ = [[3, -2], [-2, 4]] / 8; z = (1, 2): zᵀA⁻¹z = (3 - 8 + 16) / 8 = 11/8.
        var factor = CholeskyFactor.TryFactor(new double[,] { { 4, 2 }, { 2, 3 } })!;
        Assert.Equal(11.0 / 8, factor.QuadraticForm([1, 2]), 15);
        Assert.Null(CholeskyFactor.TryFactor(new double[,] { { 1, 1 }, { 1, 1 } }));
    }
}
