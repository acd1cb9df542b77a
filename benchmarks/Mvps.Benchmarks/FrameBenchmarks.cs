using BenchmarkDotNet.Attributes;
using Mvps.Codec.Wire;

namespace Mvps.Benchmarks;

/// <summary>Per-frame cost of encoding (with tag) and of decoding with every check including the tag.</summary>
[MemoryDiagnoser]
public class FrameBenchmarks
{
    private readonly byte[] _frame = BenchmarkFrames.Frame();
    private readonly byte[] _output = new byte[FieldLengths.Frame];
    private readonly List<FrameProblem> _problems = [];
    private FrameAuthenticator _authenticator = null!;
    private CoherenceFrame _fields;

    [GlobalSetup]
    public void Setup()
    {
        _authenticator = new FrameAuthenticator(BenchmarkFrames.Key);
        _fields = FrameDecoder.ReadFields(_frame);
    }

    [GlobalCleanup]
    public void Cleanup() => _authenticator.Dispose();

    [Benchmark]
    public byte Encode()
    {
        FrameEncoder.Write(_fields, _authenticator, _output);
        return _output[FieldLocations.Tag];
    }

    [Benchmark]
    public int DecodeAndVerify()
    {
        _problems.Clear();
        FrameDecoder.TryDecode(_frame, _authenticator, _problems, out _);
        return _problems.Count;
    }
}
