namespace Mvps.Tool.Send;

/// <summary>What RFC 5880 §6.8.6 made of one received Control packet.</summary>
internal enum PacketVerdict
{
    /// <summary>Valid and applied to the session.</summary>
    Accepted,

    /// <summary>Valid, but the local session is AdminDown, so its state is not acted upon (§6.8.6).</summary>
    IgnoredWhileAdminDown,

    /// <summary>Shorter than the 24-byte mandatory section.</summary>
    Truncated,

    /// <summary>Version is not 1.</summary>
    WrongVersion,

    /// <summary>Length field below 24 (26 with the A bit) or beyond the received bytes.</summary>
    BadLength,

    /// <summary>Detect Mult is zero.</summary>
    ZeroDetectMultiplier,

    /// <summary>The Multipoint bit is set.</summary>
    MultipointSet,

    /// <summary>My Discriminator is zero.</summary>
    ZeroMyDiscriminator,

    /// <summary>Your Discriminator is nonzero and not ours.</summary>
    UnknownYourDiscriminator,

    /// <summary>Your Discriminator is zero while the sender's state is neither Down nor AdminDown.</summary>
    ZeroYourDiscriminator,

    /// <summary>The A bit is set, but this session uses no authentication.</summary>
    UnexpectedAuthentication,

    /// <summary>RFC 5881 §5: a single-hop packet must arrive with TTL 255 (judged by whoever reads the IP header).</summary>
    WrongTtl,

    /// <summary>
    /// The datagram is longer than any packet a BFD peer can send: a 255-byte BFD packet (its Length is one byte)
    /// followed by the 44-byte Coherence extension (judged by whoever reads the datagram, which may be cut short).
    /// </summary>
    Oversized,

    /// <summary>Bytes follow the BFD packet, but they are not a 44-byte Coherence extension (version 3, magic "COHE") after a 24-byte BFD packet.</summary>
    MalformedExtension,

    /// <summary>The payload carries the Coherence extension, but its tag does not verify with the session's key.</summary>
    BadTag,
}

internal static class PacketVerdicts
{
    /// <summary>True for the verdicts that mean the packet broke a rule (not merely arrived while AdminDown).</summary>
    public static bool IsRejection(this PacketVerdict verdict) => verdict is not (PacketVerdict.Accepted or PacketVerdict.IgnoredWhileAdminDown);
}
