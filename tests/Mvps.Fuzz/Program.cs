using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using SharpFuzz;

namespace Mvps.Fuzz;

/// <summary>
/// AFL++ target (SharpFuzz out-of-process mode). Each input is fed both to the frame decoder as one raw
/// frame and to the capture reader as a whole pcap/pcapng file whose records are then decoded.
/// Anything but <see cref="CaptureFormatException"/> escaping is a finding (AFL records it as a crash);
/// so is an input that makes the code allocate more than <see cref="AllocationBudget"/> bytes.
/// </summary>
public static class Program
{
    /// <summary>
    /// Reader buffer (1 MiB) plus decoding slack. A capture of any size must stay within this,
    /// so a larger figure means memory that grows with hostile length fields.
    /// </summary>
    private const long AllocationBudget = 16L << 20;

    private static readonly FrameAuthenticator Authenticator = FrameAuthenticator.ForProofKey();
    private static readonly List<FrameProblem> Problems = [];

    public static void Main(string[] args)
    {
        if (args.Length == 1)
        {
            // Replay one input outside AFL (triage), with the uninstrumented build: `dotnet Mvps.Fuzz.dll crash-file`.
            Check(File.ReadAllBytes(args[0]));
            Console.WriteLine("no finding");
            return;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Check(copy.ToArray());
        });
    }

    private static readonly uint[] LinkTypesRead =
        [LinkTypes.Null, LinkTypes.Ethernet, LinkTypes.Raw, LinkTypes.Loop, LinkTypes.LinuxSll, LinkTypes.Ipv4, LinkTypes.Ipv6, LinkTypes.LinuxSll2];

    /// <summary>Capture mode's path: the dissector under a link type, and the decoder on what it calls MVPS.</summary>
    private static void DissectAndDecode(uint linkType, ReadOnlySpan<byte> data)
    {
        PacketLayers layers = PacketDissector.Dissect(linkType, data);
        if (layers.Class == RecordClass.Mvps)
        {
            Problems.Clear();
            FrameDecoder.TryDecodeCaptured(data, layers, Authenticator, Problems, out _);
        }
    }

    private static void Check(byte[] input)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();

        Problems.Clear();
        FrameDecoder.TryDecode(input, Authenticator, Problems, out _);
        foreach (uint linkType in LinkTypesRead)
        {
            DissectAndDecode(linkType, input);
        }

        try
        {
            using var reader = CaptureReader.Open(new MemoryStream(input, writable: false), "fuzz-input");
            while (reader.TryReadNext(out CaptureRecord record))
            {
                Problems.Clear();
                FrameDecoder.TryDecode(record.Data, Authenticator, Problems, out _);
                DissectAndDecode(record.LinkType, record.Data);
            }
        }
        catch (CaptureFormatException)
        {
            // The documented outcome for a malformed capture.
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > AllocationBudget)
        {
            throw new InvalidOperationException($"input of {input.Length} bytes allocated {allocated} bytes");
        }
    }
}
