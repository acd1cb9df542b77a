namespace Mvps.Codec.Wire;

/// <summary>What the RFC 5880 §6.8.6 reception checks (<see cref="BfdReceptionRules"/>) made of a Control packet: the first rule it breaks, in the RFC's order.</summary>
public enum BfdReception
{
    /// <summary>Passes every check: the packet may be applied to its session.</summary>
    Valid,

    /// <summary>Shorter than the mandatory section.</summary>
    Truncated,

    /// <summary>Version is not 1.</summary>
    WrongVersion,

    /// <summary>Length below the mandatory section (or below it plus Auth Type and Auth Len with the A bit), or beyond the received bytes.</summary>
    BadLength,

    /// <summary>Detect Mult is zero.</summary>
    ZeroDetectMultiplier,

    /// <summary>The Multipoint bit is set.</summary>
    MultipointSet,

    /// <summary>My Discriminator is zero.</summary>
    ZeroMyDiscriminator,

    /// <summary>Your Discriminator is nonzero and names no session of the receiver.</summary>
    UnknownYourDiscriminator,

    /// <summary>Your Discriminator is zero while the sender's state is neither Down nor AdminDown.</summary>
    ZeroYourDiscriminator,

    /// <summary>The A bit is set, but the receiver's session uses no authentication.</summary>
    UnexpectedAuthentication,
}
