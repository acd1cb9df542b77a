using Mvps.Codec.Wire;

namespace Mvps.Tool.Send;

/// <summary>
/// What `mvps send` made of one received datagram: the codec's RFC 5880 §6.8.6 verdict, under the same name and
/// value as in <see cref="BfdReception"/> (so one is the other cast), then the checks around it that only the
/// tool makes (AdminDown, TTL, size, the Coherence extension).
/// </summary>
internal enum PacketVerdict
{
    /// <summary>Valid and applied to the session.</summary>
    Accepted = BfdReception.Valid,

    /// <summary><see cref="BfdReception.Truncated"/>.</summary>
    Truncated = BfdReception.Truncated,

    /// <summary><see cref="BfdReception.WrongVersion"/>.</summary>
    WrongVersion = BfdReception.WrongVersion,

    /// <summary><see cref="BfdReception.BadLength"/>.</summary>
    BadLength = BfdReception.BadLength,

    /// <summary><see cref="BfdReception.ZeroDetectMultiplier"/>.</summary>
    ZeroDetectMultiplier = BfdReception.ZeroDetectMultiplier,

    /// <summary><see cref="BfdReception.MultipointSet"/>.</summary>
    MultipointSet = BfdReception.MultipointSet,

    /// <summary><see cref="BfdReception.ZeroMyDiscriminator"/>.</summary>
    ZeroMyDiscriminator = BfdReception.ZeroMyDiscriminator,

    /// <summary><see cref="BfdReception.UnknownYourDiscriminator"/>: not ours, the session's only discriminator.</summary>
    UnknownYourDiscriminator = BfdReception.UnknownYourDiscriminator,

    /// <summary><see cref="BfdReception.ZeroYourDiscriminator"/>.</summary>
    ZeroYourDiscriminator = BfdReception.ZeroYourDiscriminator,

    /// <summary><see cref="BfdReception.UnexpectedAuthentication"/>: this session uses none.</summary>
    UnexpectedAuthentication = BfdReception.UnexpectedAuthentication,

    /// <summary>Valid, but the local session is AdminDown, so its state is not acted upon (§6.8.6).</summary>
    IgnoredWhileAdminDown,

    /// <summary>RFC 5881 §5: a single-hop packet must arrive with TTL 255 (judged by whoever reads the IP header).</summary>
    WrongTtl,

    /// <summary>
    /// The datagram is longer than any packet a BFD peer can send: a 255-byte BFD packet (its Length is one byte)
    /// followed by the 44-byte Coherence extension (judged by whoever reads the datagram, which may be cut short).
    /// </summary>
    Oversized,

    /// <summary>Bytes follow the BFD packet, but they are not a 44-byte Coherence extension (version 3, magic "COHE") after a mandatory-section BFD packet.</summary>
    MalformedExtension,

    /// <summary>The payload carries the Coherence extension, but its tag does not verify with the session's key.</summary>
    BadTag,
}

internal static class PacketVerdicts
{
    /// <summary>True for the verdicts that mean the packet broke a rule (not merely arrived while AdminDown).</summary>
    public static bool IsRejection(this PacketVerdict verdict) => verdict is not (PacketVerdict.Accepted or PacketVerdict.IgnoredWhileAdminDown);
}
