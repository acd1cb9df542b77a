using System.Globalization;
using Mvps.Codec.Wire;

namespace Mvps.Tool.Send;

/// <summary>Names `mvps send` prints: RFC 5880's diagnostic wording and the reasons a packet was discarded.</summary>
internal static class SendText
{
    public static string Diagnostic(BfdDiagnostic diagnostic) => diagnostic switch
    {
        BfdDiagnostic.NoDiagnostic => "no diagnostic",
        BfdDiagnostic.ControlDetectionTimeExpired => "control detection time expired",
        BfdDiagnostic.EchoFunctionFailed => "echo function failed",
        BfdDiagnostic.NeighborSignaledSessionDown => "neighbor signaled session down",
        BfdDiagnostic.ForwardingPlaneReset => "forwarding plane reset",
        BfdDiagnostic.PathDown => "path down",
        BfdDiagnostic.ConcatenatedPathDown => "concatenated path down",
        BfdDiagnostic.AdministrativelyDown => "administratively down",
        BfdDiagnostic.ReverseConcatenatedPathDown => "reverse concatenated path down",
        _ => "reserved",
    };

    public static string Verdict(PacketVerdict verdict) => verdict switch
    {
        PacketVerdict.Accepted => "accepted",
        PacketVerdict.IgnoredWhileAdminDown => "ignored while AdminDown",
        PacketVerdict.Truncated => string.Create(CultureInfo.InvariantCulture, $"shorter than {WireConstants.BfdLength} bytes"),
        PacketVerdict.WrongVersion => string.Create(CultureInfo.InvariantCulture, $"version is not {WireConstants.BfdVersion}"),
        PacketVerdict.BadLength => string.Create(CultureInfo.InvariantCulture, $"Length field below {WireConstants.BfdLength} or beyond the datagram"),
        PacketVerdict.ZeroDetectMultiplier => "Detect Mult is 0",
        PacketVerdict.MultipointSet => "Multipoint bit set",
        PacketVerdict.ZeroMyDiscriminator => "My Discriminator is 0",
        PacketVerdict.UnknownYourDiscriminator => "Your Discriminator is not ours",
        PacketVerdict.ZeroYourDiscriminator => "Your Discriminator is 0 in state Init or Up",
        PacketVerdict.UnexpectedAuthentication => "A bit set, but no authentication is in use",
        PacketVerdict.WrongTtl => string.Create(CultureInfo.InvariantCulture, $"TTL is not {WireConstants.Ipv4Ttl} (RFC 5881 §5)"),
        PacketVerdict.Oversized => "longer than " + PeerDatagramFilter.MaxDatagramLength.ToString(CultureInfo.InvariantCulture) + " bytes",
        PacketVerdict.MalformedExtension => "bytes after the BFD packet are not a Coherence extension",
        PacketVerdict.BadTag => "Coherence tag does not verify with the key",
        _ => verdict.ToString(),
    };

    /// <summary>" (3 reason, 1 other reason)" for the reasons that occurred, in <see cref="DiscardCounts.Reasons"/> order; empty when none did.</summary>
    public static string Discards(DiscardCounts counts)
    {
        var parts = DiscardCounts.Reasons.Where(r => counts[r] > 0).Select(r => string.Create(CultureInfo.InvariantCulture, $"{counts[r]} {Verdict(r)}")).ToList();
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }
}
