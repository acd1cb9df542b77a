using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.Evidence.Regimes;

namespace Mvps.Benchmarks;

/// <summary>Inputs shared by the benchmarks: one valid frame and an in-memory baseline capture.</summary>
internal static class BenchmarkFrames
{
    public static byte[] Key { get; } = System.Text.Encoding.ASCII.GetBytes(WireConstants.ProofKeyText);

    public static byte[] Frame()
    {
        var capture = Capture(1);
        return capture.AsSpan(PcapWriter.FileHeaderLength + PcapWriter.RecordHeaderLength, FieldLengths.Frame).ToArray();
    }

    public static byte[] Capture(long frames)
    {
        using var authenticator = new FrameAuthenticator(Key);
        using var stream = new MemoryStream();
        EvidenceGenerator.WriteCapture(new RegimeModel(RegimeProfile.Baseline, RegimeModel.DefaultSeed, frames), authenticator, stream);
        return stream.ToArray();
    }
}
