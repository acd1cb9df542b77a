using Mvps.Codec.Wire;

namespace Mvps.Tool.Send;

/// <summary>
/// A change of the local or the remote state, with what the session knew right after it. <see cref="AtUs"/> is
/// the caller's clock (microseconds), as it was passed in.
/// </summary>
internal readonly record struct SessionTransition(
    long AtUs,
    BfdState PreviousLocalState,
    BfdState LocalState,
    BfdState RemoteState,
    BfdDiagnostic LocalDiagnostic,
    uint LocalDiscriminator,
    uint RemoteDiscriminator,
    string Cause);
