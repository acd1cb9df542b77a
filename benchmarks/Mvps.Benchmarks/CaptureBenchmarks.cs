using BenchmarkDotNet.Attributes;
using Mvps.Codec.Capture;
using Mvps.Evidence.Verification;

namespace Mvps.Benchmarks;

/// <summary>
/// Whole-capture costs per 100,000 frames: reading records (pcap, in memory) and the full verifier from a
/// file, single- and multi-threaded. Divide by 100,000 for the per-frame figure.
/// </summary>
[MemoryDiagnoser]
public class CaptureBenchmarks
{
    private const int Frames = 100_000;
    private byte[] _capture = [];
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _capture = BenchmarkFrames.Capture(Frames);
        _path = Path.Combine(Path.GetTempPath(), "mvps-benchmark-100k.pcap");
        File.WriteAllBytes(_path, _capture);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(OperationsPerInvoke = Frames)]
    public long PcapRead()
    {
        using var reader = CaptureReader.Open(new MemoryStream(_capture, writable: false), "memory");
        long bytes = 0;
        while (reader.TryReadNext(out var record))
        {
            bytes += record.Data.Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    [Arguments(1)]
    [Arguments(2)]
    public long VerifyFile(int threads) => CaptureVerifier.Verify(_path, "capture", BenchmarkFrames.Key, threads, VerificationMode.Capture, expected: null, progress: null).Frames;
}
