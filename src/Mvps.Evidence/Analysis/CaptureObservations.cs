using System.Globalization;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;

namespace Mvps.Evidence.Analysis;

/// <summary>
/// The MVPS frames of one capture, in any encapsulation the verifier's capture mode reads: every record that
/// decodes as a frame with no problem (checksum warnings aside), tag included, and finite C values.
/// Anything else is counted as skipped, not scored. Held in memory (40 bytes a frame) up to <see cref="MaxFrames"/>.
/// </summary>
public sealed class CaptureObservations
{
    /// <summary>A bound on memory: 4,194,304 frames are about 170 MB of observations.</summary>
    internal const int MaxFrames = 1 << 22;

    private CaptureObservations(string displayName, IReadOnlyList<FrameObservation> frames, long skipped)
    {
        DisplayName = displayName;
        Frames = frames;
        Skipped = skipped;
    }

    /// <summary>The capture as the user named it, for messages.</summary>
    public string DisplayName { get; }

    /// <summary>The scored frames in capture order.</summary>
    public IReadOnlyList<FrameObservation> Frames { get; }

    /// <summary>Records that are not clean, authenticated MVPS frames.</summary>
    public long Skipped { get; }

    /// <summary>The sessions present, in order of vantage id and discriminator.</summary>
    public IReadOnlyList<VantageSessionKey> Sessions => [.. Frames.Select(f => f.Session).Distinct().Order()];

    /// <summary>Reads every record of <paramref name="reader"/> and keeps the clean, authenticated MVPS frames.</summary>
    /// <param name="reader">An open capture, read to its end.</param>
    /// <param name="authenticator">Checks each frame's tag; frames that fail are skipped, not scored.</param>
    /// <exception cref="InvalidDataException">The capture holds more frames than the analysis keeps in memory.</exception>
    public static CaptureObservations Read(CaptureReader reader, FrameAuthenticator authenticator)
    {
        var frames = new List<FrameObservation>();
        Span<byte> tagScratch = stackalloc byte[FieldLengths.Tag];
        long skipped = 0;
        while (reader.TryReadNext(out var record))
        {
            // The verifier's capture-mode rules, so any encapsulation verify accepts is analysed too; a checksum
            // mismatch (offload on the capturing host) does not change the coherence vector, so it does not skip.
            // FrameScreen answers exactly that (CleanFrameScreenPropertyTests) without building problem texts.
            var layers = PacketDissector.Dissect(record.LinkType, record.Data);
            if (layers.Class != RecordClass.Mvps || !FrameScreen.IsCleanCaptured(record.Data, layers, authenticator, tagScratch))
            {
                skipped++;
                continue;
            }

            var f = FrameDecoder.ReadPayloadFields(record.Data.Slice(layers.PayloadOffset, FieldLengths.UdpPayload));
            if (!float.IsFinite(f.C1) || !float.IsFinite(f.C2) || !float.IsFinite(f.C3))
            {
                skipped++;
                continue;
            }

            if (frames.Count == MaxFrames)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{reader.DisplayName}: more than {MaxFrames} MVPS frames, the most analyze holds in memory"));
            }

            frames.Add(new FrameObservation(
                record.Index, new VantageSessionKey(f.VantageId, f.Bfd.MyDiscriminator), f.Tick,
                record.TimestampSeconds, record.TimestampNanoseconds, CoherenceVector.Of(f), f.Bfd.State, f.Alarm));
        }

        return new CaptureObservations(reader.DisplayName, frames, skipped);
    }

    /// <summary>The frames of <paramref name="session"/>, in capture order.</summary>
    public IReadOnlyList<FrameObservation> Of(VantageSessionKey session) => [.. Frames.Where(f => f.Session == session)];
}
