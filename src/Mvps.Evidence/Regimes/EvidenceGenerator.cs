using Mvps.Codec.Capture;
using Mvps.Codec.Wire;

namespace Mvps.Evidence.Regimes;

/// <summary>Streams a regime's frames into a classic pcap: one reusable frame buffer, constant memory.</summary>
public static class EvidenceGenerator
{
    /// <summary>Frames per capture of the published evidence.</summary>
    public const int EvidenceFrameCount = 30;

    /// <summary>Writes all of <paramref name="model"/>'s frames to <paramref name="output"/> as a pcap file.</summary>
    /// <param name="model">The regime and seed; consumed.</param>
    /// <param name="authenticator">Computes each frame's tag.</param>
    /// <param name="output">Receives the pcap bytes; left open.</param>
    /// <param name="progress">Told the number of frames written so far, when given.</param>
    public static void WriteCapture(RegimeModel model, FrameAuthenticator authenticator, Stream output, IProgress<long>? progress = null)
    {
        using var writer = new PcapWriter(output, leaveOpen: true);
        Span<byte> frame = stackalloc byte[FieldLengths.Frame];
        long written = 0;
        while (model.TryNext(out var sample))
        {
            FrameEncoder.Write(sample.Fields, authenticator, frame);
            writer.WriteRecord((uint)sample.TimestampSeconds, sample.TimestampMicroseconds, frame);
            if ((++written & 0xFFFF) == 0)
            {
                progress?.Report(written);
            }
        }

        progress?.Report(written);
    }
}
