using Mvps.Codec.Wire;

namespace Mvps.Tool.Send;

/// <summary>
/// What becomes of one datagram from the peer's address: discarded with a reason, or applied to the session.
/// The cheap checks come first and the HMAC last, so a flood costs little per packet; nothing here allocates.
/// Order: size, TTL (RFC 5881 §5), RFC 5880 §6.8.6, then the Coherence extension if bytes follow the BFD packet
/// (the same reading as the capture dissector's: such bytes are the extension, and its tag must verify).
/// </summary>
internal sealed class PeerDatagramFilter(BfdSession session, FrameAuthenticator authenticator)
{
    /// <summary>The longest datagram a BFD peer can send: a 255-byte BFD packet (Length is one byte) and the 44-byte extension.</summary>
    public const int MaxDatagramLength = byte.MaxValue + FieldLengths.UdpPayload - FieldLengths.BfdControl;

    /// <summary>
    /// Judges the datagram of <paramref name="length"/> bytes (its real length, even when the receive buffer
    /// holds only its first <see cref="MaxDatagramLength"/> bytes) that arrived with <paramref name="ttl"/>.
    /// </summary>
    public PacketVerdict Receive(ReadOnlySpan<byte> buffer, int length, int ttl, long nowUs)
    {
        if (length > MaxDatagramLength)
        {
            return PacketVerdict.Oversized;
        }

        if (ttl != WireConstants.Ipv4Ttl)
        {
            return PacketVerdict.WrongTtl;
        }

        var payload = buffer[..length];
        var verdict = session.Validate(payload);
        if (verdict != PacketVerdict.Accepted)
        {
            return verdict;
        }

        if (payload.Length > payload[PayloadLocations.BfdLength])
        {
            if (!FrameScreen.IsCoherencePayload(payload))
            {
                return PacketVerdict.MalformedExtension;
            }

            Span<byte> tag = stackalloc byte[FieldLengths.Tag];
            if (!authenticator.VerifyPayloadTag(payload, tag))
            {
                return PacketVerdict.BadTag;
            }
        }

        return session.Receive(payload, nowUs);
    }
}
