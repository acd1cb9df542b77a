using Mvps.Codec.Capture;
using Mvps.Codec.Wire;

namespace Mvps.Fuzz;

/// <summary>
/// Round 1's target: each input as one raw frame to the frame decoder, then as a whole pcap/pcapng file to
/// the capture reader, every record decoded. Only <see cref="CaptureFormatException"/> may escape the reader.
/// </summary>
public sealed class CaptureTarget : IFuzzTarget, IDisposable
{
    /// <summary>
    /// Reader buffer (1 MiB) plus decoding slack. A capture of any size must stay within this,
    /// so a larger figure means memory that grows with hostile length fields.
    /// </summary>
    public const long AllocationBudget = 16L << 20;

    private readonly FrameAuthenticator _authenticator = FrameAuthenticator.ForProofKey();
    private readonly List<FrameProblem> _problems = [];

    public void Check(byte[] input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        _problems.Clear();
        FrameDecoder.TryDecode(input, _authenticator, _problems, out _);
        foreach (var linkType in DissectorTarget.LinkTypesRead)
        {
            DissectAndDecode(linkType, input);
        }

        try
        {
            using var reader = CaptureReader.Open(new MemoryStream(input, writable: false), "fuzz-input");
            while (reader.TryReadNext(out var record))
            {
                _problems.Clear();
                FrameDecoder.TryDecode(record.Data, _authenticator, _problems, out _);
                DissectAndDecode(record.LinkType, record.Data);
            }
        }
        catch (CaptureFormatException)
        {
            // The documented outcome for a malformed capture.
        }

        FuzzFinding.WithinBudget(before, AllocationBudget, $"input of {input.Length} bytes");
    }

    public void Dispose() => _authenticator.Dispose();

    /// <summary>Capture mode's path: the dissector under a link type, and the decoder on what it calls MVPS.</summary>
    private void DissectAndDecode(uint linkType, ReadOnlySpan<byte> data)
    {
        var layers = PacketDissector.Dissect(linkType, data);
        if (layers.Class == RecordClass.Mvps)
        {
            _problems.Clear();
            FrameDecoder.TryDecodeCaptured(data, layers, _authenticator, _problems, out _);
        }
    }
}
