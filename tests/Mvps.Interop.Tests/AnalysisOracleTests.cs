using System.Text.Json;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>
/// `mvps analyze --json` against an independent numpy/scipy computation from the capture bytes (Debian's
/// python3-numpy and python3-scipy, which belong to /usr/bin/python3): μ, Σ, every D² (leave-one-out refitted
/// directly on the reference) and the T² threshold agree to 1e-9 relative.
/// </summary>
public sealed class AnalysisOracleTests
{
    private const string Python = NumpyFactAttribute.Python;
    private const double Tolerance = 1e-9;

    private static string Oracle => Path.Combine(RepositoryRoot.Path, "tests", "Mvps.Interop.Tests", "Oracles", "mahalanobis_oracle.py");

    [NumpyFact]
    public void Evidence_agrees_with_numpy_and_scipy()
    {
        Compare(Path.Combine(RepositoryLayout.EvidenceDirectory, "mvps_baseline.pcap"), Path.Combine(RepositoryLayout.EvidenceDirectory, "mvps_ddos.pcap"), "0.001");
    }

    [NumpyFact]
    public void Longer_runs_of_another_seed_and_eight_vantages_agree_with_numpy_and_scipy()
    {
        var folder = TempFolder.ForProcess("analysis-oracle");
        MvpsCli.Run("generate", "--out", folder, "--frames", "200", "--seed", "7", "--vantages", "8", "--quiet").AssertSuccess();
        Compare(Path.Combine(folder, "mvps_baseline.pcap"), Path.Combine(folder, "mvps_ddos.pcap"), "0.01");
    }

    private static void Compare(string reference, string target, string alpha)
    {
        var oracle = JsonDocument.Parse(ExternalProgram.Run(Python, Oracle, alpha, reference, target).AssertSuccess().StandardOutput).RootElement;
        var ours = JsonDocument.Parse(MvpsCli.Run("analyze", target, "--reference", reference, "--alpha", alpha, "--json").AssertSuccess().StandardOutput).RootElement;

        var expectedReference = oracle.GetProperty("reference").EnumerateArray().ToList();
        var actualReference = ours.GetProperty("reference").GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(expectedReference.Count, actualReference.Count);
        var compared = 0;
        for (var s = 0; s < expectedReference.Count; s++)
        {
            var expected = expectedReference[s];
            var actual = actualReference[s];
            Assert.Equal(expected.GetProperty("vantageId").GetInt32(), actual.GetProperty("vantageId").GetInt32());
            Assert.Equal(expected.GetProperty("myDiscriminator").GetString(), actual.GetProperty("myDiscriminator").GetString());
            AssertClose(Numbers(expected.GetProperty("mean")), Numbers(actual.GetProperty("mean")), "mean");
            var expectedCovariance = expected.GetProperty("covariance").EnumerateArray().SelectMany(Numbers).ToList();
            var actualCovariance = actual.GetProperty("covariance").EnumerateArray().SelectMany(Numbers).ToList();
            // Each covariance entry relative to sqrt(Σii Σjj): an off-diagonal entry near zero is compared at its axes' scale.
            var variances = Enumerable.Range(0, 4).Select(i => expectedCovariance[i * 5]).ToList();
            AssertClose(expectedCovariance, actualCovariance, "covariance", [.. Enumerable.Range(0, 16).Select(k => Math.Sqrt(variances[k / 4] * variances[k % 4]))]);
            AssertClose([expected.GetProperty("threshold").GetDouble()], [actual.GetProperty("threshold").GetDouble()], "leave-one-out threshold");
            compared += ComparePerFrame(expected, actual, "reference leave-one-out D2");
        }

        var expectedTarget = oracle.GetProperty("targets")[0].EnumerateArray().ToList();
        var actualTarget = ours.GetProperty("captures")[0].GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(expectedTarget.Count, actualTarget.Count);
        for (var s = 0; s < expectedTarget.Count; s++)
        {
            Assert.Equal(expectedTarget[s].GetProperty("vantageId").GetInt32(), actualTarget[s].GetProperty("vantageId").GetInt32());
            AssertClose([expectedTarget[s].GetProperty("threshold").GetDouble()], [actualTarget[s].GetProperty("threshold").GetDouble()], "threshold");
            compared += ComparePerFrame(expectedTarget[s], actualTarget[s], "D2");
        }

        Assert.True(compared >= 60, $"only {compared} D2 values compared");
    }

    private static int ComparePerFrame(JsonElement expected, JsonElement actual, string what)
    {
        var frames = actual.GetProperty("perFrame").EnumerateArray().ToList();
        Assert.Equal(Numbers(expected.GetProperty("ticks")), frames.Select(f => f.GetProperty("tick").GetDouble()).ToList());
        AssertClose(Numbers(expected.GetProperty("d2")), frames.Select(f => f.GetProperty("d2").GetDouble()).ToList(), what);
        return frames.Count;
    }

    private static List<double> Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, IReadOnlyList<double>? scales = null)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var bound = Tolerance * (scales is null ? Math.Abs(expected[i]) : scales[i]);
            Assert.True(Math.Abs(expected[i] - actual[i]) <= bound, $"{what}[{i}]: numpy {expected[i]:R}, mvps {actual[i]:R} (|diff| {Math.Abs(expected[i] - actual[i]):R} > {bound:R})");
        }
    }
}
