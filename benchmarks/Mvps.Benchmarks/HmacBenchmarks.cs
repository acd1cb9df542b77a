using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Mvps.Codec.Wire;

namespace Mvps.Benchmarks;

/// <summary>
/// The ways to get a frame's HMAC-SHA256 tag (56-byte message): the BCL's three (keyed state reused by
/// IncrementalHash, an HMACSHA256 instance, the static one-shot that re-keys) and FrameAuthenticator,
/// which keeps precomputed inner/outer key states and calls the SHA-256 block function directly.
/// </summary>
[MemoryDiagnoser]
public class HmacBenchmarks
{
    private readonly byte[] _frame = BenchmarkFrames.Frame();
    private readonly byte[] _digest = new byte[32];
    private IncrementalHash _incremental = null!;
    private HMACSHA256 _instance = null!;
    private FrameAuthenticator _authenticator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _incremental = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, BenchmarkFrames.Key);
        _instance = new HMACSHA256(BenchmarkFrames.Key);
        _authenticator = new FrameAuthenticator(BenchmarkFrames.Key);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _incremental.Dispose();
        _instance.Dispose();
        _authenticator.Dispose();
    }

    private ReadOnlySpan<byte> Message => _frame.AsSpan(FieldLocations.Bfd, FieldLengths.Authenticated);

    [Benchmark(Baseline = true)]
    public byte IncrementalHashReused()
    {
        _incremental.AppendData(Message);
        _incremental.GetHashAndReset(_digest);
        return _digest[0];
    }

    [Benchmark]
    public byte HmacSha256TryComputeHash()
    {
        _instance.TryComputeHash(Message, _digest, out _);
        return _digest[0];
    }

    [Benchmark]
    public byte HmacSha256StaticHashData()
    {
        HMACSHA256.HashData(BenchmarkFrames.Key, Message, _digest);
        return _digest[0];
    }

    [Benchmark]
    public byte FrameAuthenticatorPrecomputedStates()
    {
        _authenticator.ComputeTag(_frame, _digest);
        return _digest[0];
    }
}

/// <summary>
/// The verifier's stages, each per frame: the batched tag (64 payloads per call, blocks prepared before the
/// compressions), the dissection of an Ethernet/IPv4 record, and the rules without the tag.
/// </summary>
[MemoryDiagnoser]
public class VerifyStageBenchmarks
{
    private const int Count = FrameAuthenticator.TagBatchSize;
    private readonly byte[] _frames = new byte[Count * FieldLengths.Frame];
    private readonly int[] _offsets = new int[Count];
    private readonly byte[] _tags = new byte[Count * FieldLengths.Tag];
    private FrameAuthenticator _authenticator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var frame = BenchmarkFrames.Frame();
        for (var i = 0; i < Count; i++)
        {
            frame.CopyTo(_frames, i * FieldLengths.Frame);
            _offsets[i] = (i * FieldLengths.Frame) + FieldLocations.Bfd;
        }

        _authenticator = new FrameAuthenticator(BenchmarkFrames.Key);
    }

    [GlobalCleanup]
    public void Cleanup() => _authenticator.Dispose();

    [Benchmark(OperationsPerInvoke = Count)]
    public byte TagOneAtATime()
    {
        for (var i = 0; i < Count; i++)
        {
            _authenticator.ComputeTag(_frames.AsSpan(i * FieldLengths.Frame, FieldLengths.Frame), _tags.AsSpan(i * FieldLengths.Tag, FieldLengths.Tag));
        }

        return _tags[0];
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public byte TagBatched()
    {
        _authenticator.ComputePayloadTags(_frames, _offsets, _tags);
        return _tags[0];
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Dissect()
    {
        var sum = 0;
        for (var i = 0; i < Count; i++)
        {
            sum += PacketDissector.Dissect(LinkTypes.Ethernet, _frames.AsSpan(i * FieldLengths.Frame, FieldLengths.Frame)).PayloadOffset;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int EvidenceRulesWithoutTag()
    {
        var clean = 0;
        for (var i = 0; i < Count; i++)
        {
            clean += FrameScreen.EvidenceFieldsHold(_frames.AsSpan(i * FieldLengths.Frame, FieldLengths.Frame)) ? 1 : 0;
        }

        return clean;
    }
}
