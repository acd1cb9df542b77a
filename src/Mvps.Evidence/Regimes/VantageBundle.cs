using Mvps.Codec.Capture;
using Mvps.Codec.Wire;

namespace Mvps.Evidence.Regimes;

/// <summary>
/// The broker's view: N vantages sending on one tick lattice into one capture, in time order. Vantage i has
/// vantage id 10 + i, My Discriminator 0x4d565053 + i, source 203.0.113.(10 + i) (MAC 02:4d:56:50:53:(0a + i)) and its
/// own SplitMix64 stream; the D-4 DDoS reaches the even-numbered vantages (0, 2, 4, ...) and spares the others.
/// Up to 10 vantages, so that sources stay below the destination 203.0.113.20. See docs/analysis.md.
/// </summary>
public static class VantageBundle
{
    /// <summary>The most vantages one bundle generates.</summary>
    public const int MaxVantages = 10;

    /// <summary>The documented subset the DDoS reaches: vantages with an even index (vantage 0 is the evidence's).</summary>
    internal static bool DdosReaches(int vantageIndex) => vantageIndex % 2 == 0;

    /// <summary>XOR-ed into the regime's stream seed: 0 for vantage 0 (so it is the evidence's stream), a Weyl step apart for the others.</summary>
    internal static ulong StreamOffset(int vantageIndex) => unchecked((ulong)vantageIndex * 0x9E37_79B9_7F4A_7C15);

    /// <summary>The last octet of vantage i's source address (and of its MAC).</summary>
    internal static byte SourceHost(int vantageIndex) => (byte)(WireConstants.SourceAddress[3] + vantageIndex);

    /// <summary>Writes <paramref name="vantages"/> vantages of <paramref name="frameCount"/> frames each, merged by capture time (then vantage).</summary>
    public static void WriteCapture(RegimeProfile profile, ulong seed, long frameCount, int vantages, FrameAuthenticator authenticator, Stream output, IProgress<long>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vantages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vantages, MaxVantages);
        var models = new RegimeModel[vantages];
        var pending = new FrameSample[vantages];
        var live = new bool[vantages];
        for (var i = 0; i < vantages; i++)
        {
            models[i] = new RegimeModel(profile, seed, frameCount, i);
            live[i] = models[i].TryNext(out pending[i]);
        }

        using var writer = new PcapWriter(output, leaveOpen: true);
        Span<byte> frame = stackalloc byte[FieldLengths.Frame];
        long written = 0;
        while (true)
        {
            var next = -1;
            for (var i = 0; i < vantages; i++)
            {
                if (live[i] && (next < 0 || Earlier(pending[i], pending[next])))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                break;
            }

            var sample = pending[next];
            FrameEncoder.Write(sample.Fields, authenticator, frame, SourceHost(next));
            writer.WriteRecord((uint)sample.TimestampSeconds, sample.TimestampMicroseconds, frame);
            live[next] = models[next].TryNext(out pending[next]);
            if ((++written & 0xFFFF) == 0)
            {
                progress?.Report(written);
            }
        }

        progress?.Report(written);
    }

    /// <summary>Strictly earlier capture time; ties go to the lower vantage index (the caller scans in index order).</summary>
    private static bool Earlier(in FrameSample a, in FrameSample b) =>
        a.TimestampSeconds != b.TimestampSeconds ? a.TimestampSeconds < b.TimestampSeconds : a.TimestampMicroseconds < b.TimestampMicroseconds;
}
