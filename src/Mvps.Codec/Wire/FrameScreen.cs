namespace Mvps.Codec.Wire;

/// <summary>
/// The verifier's fast path, next to the decoder: true only for a record on which <see cref="FrameDecoder"/>
/// would report no problem at all. It runs the decoder's own rules (<see cref="FrameRules"/>) but stops at the
/// first broken one, without building fields or messages. Anything else goes to the decoder, which then explains
/// what is wrong, so reports are the decoder's word for word. A property test holds the two together.
/// </summary>
public static class FrameScreen
{
    /// <summary>Strict mode: the 110-byte evidence layout, checksums included (<see cref="FrameDecoder.TryDecode"/>).</summary>
    public static bool IsClean(ReadOnlySpan<byte> f, FrameAuthenticator authenticator, Span<byte> tagScratch) =>
        EvidenceFieldsHold(f) && authenticator.VerifyTag(f, tagScratch);

    /// <summary>Everything <see cref="IsClean"/> tests but the tag, which the verifier computes in batches.</summary>
    public static bool EvidenceFieldsHold(ReadOnlySpan<byte> f)
    {
        var sink = default(FirstBrokenRuleStops);
        return f.Length == FieldLengths.Frame
            && FrameRules.EvidenceHeadersHold(f, ref sink)
            && FrameRules.PayloadHolds(f[FieldLocations.Bfd..], FieldLocations.Bfd, ref sink);
    }

    /// <summary>
    /// Capture mode: an MVPS record (dissected as <see cref="RecordClass.Mvps"/>) on which
    /// <see cref="FrameDecoder.TryDecodeCaptured"/> would report nothing, checksum warnings aside (the caller
    /// counts those from <paramref name="layers"/>).
    /// </summary>
    public static bool IsCleanCaptured(ReadOnlySpan<byte> record, in PacketLayers layers, FrameAuthenticator authenticator, Span<byte> tagScratch) =>
        CapturedFieldsHold(record, layers)
        && authenticator.VerifyPayloadTag(record.Slice(layers.PayloadOffset, FieldLengths.UdpPayload), tagScratch);

    /// <summary>Everything <see cref="IsCleanCaptured"/> tests but the tag, which the verifier computes in batches.</summary>
    public static bool CapturedFieldsHold(ReadOnlySpan<byte> record, in PacketLayers layers)
    {
        var sink = default(FirstBrokenRuleStops);
        return layers.PayloadLength == FieldLengths.UdpPayload
            && FrameRules.CapturedHeadersHold(layers, ref sink)
            && FrameRules.PayloadHolds(record.Slice(layers.PayloadOffset, FieldLengths.UdpPayload), layers.PayloadOffset, ref sink);
    }

    /// <summary>A 68-byte UDP payload that obeys the decoder's payload rules, the tag aside: a BFD packet of Length <see cref="WireConstants.BfdLength"/> and a well-formed Coherence extension.</summary>
    public static bool IsCoherencePayload(ReadOnlySpan<byte> payload)
    {
        var sink = default(FirstBrokenRuleStops);
        return payload.Length == FieldLengths.UdpPayload && FrameRules.PayloadHolds(payload, 0, ref sink);
    }

    /// <summary>The screen's sink: one broken rule is enough to hand the record to the decoder.</summary>
    private readonly struct FirstBrokenRuleStops : FrameRules.ISink
    {
        public bool Broken(FrameProblemKind kind, int offset, uint value) => false;
    }
}
