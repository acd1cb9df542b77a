using Mvps.Codec.Capture;
using Mvps.Codec.Wire;

namespace Mvps.Evidence.Regimes;

/// <summary>Streams a regime's frames into a classic pcap: one reusable frame buffer, constant memory.</summary>
public static class EvidenceGenerator
{
    public const int EvidenceFrameCount = 30;

    public static void WriteCapture(RegimeModel model, FrameAuthenticator authenticator, Stream output, IProgress<long>? progress = null)
    {
        using var writer = new PcapWriter(output, leaveOpen: true);
        Span<byte> frame = stackalloc byte[FieldLengths.Frame];
        long written = 0;
        while (model.TryNext(out FrameSample sample))
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
