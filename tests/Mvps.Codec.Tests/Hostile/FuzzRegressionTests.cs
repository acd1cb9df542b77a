using Mvps.Codec.Capture;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Hostile;

/// <summary>
/// Inputs kept from fuzzing (tests/Mvps.Fuzz, AFL++): every crash, hang or over-allocation it found, once
/// fixed, plus inputs that reached new reader paths. Each must read to its end or stop with a
/// <see cref="CaptureFormatException"/>, allocating no more than a bounded amount.
/// </summary>
public class FuzzRegressionTests
{
    /// <summary>Reader window (1 MiB) plus slack; the fuzz harness uses the same budget.</summary>
    private const long AllocationBudget = 16L << 20;

    public static TheoryData<string> Inputs()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "Mvps.Codec.Tests", "Hostile", "FuzzInputs");
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(folder, "*.bin").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Fuzz_input_reads_cleanly_in_bounded_memory(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "tests", "Mvps.Codec.Tests", "Hostile", "FuzzInputs", name));
        using var authenticator = FrameAuthenticator.ForProofKey();
        var problems = new List<FrameProblem>();
        long before = GC.GetAllocatedBytesForCurrentThread();
        FrameDecoder.TryDecode(bytes, authenticator, problems, out _);
        Assert.True(CaptureReaderPropertyTests.ReadsCleanly(bytes), $"{name}: an exception other than CaptureFormatException, or no end");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < AllocationBudget, $"{name}: allocated {allocated} bytes");
    }
}
