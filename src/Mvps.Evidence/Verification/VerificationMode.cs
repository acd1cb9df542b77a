namespace Mvps.Evidence.Verification;

/// <summary>How strictly a capture is judged.</summary>
public enum VerificationMode
{
    /// <summary>
    /// Any capture an operator takes: every record is classified, MVPS frames are found in any supported
    /// encapsulation and checked as a receiver would, checksum mismatches are counted warnings, ticks are
    /// ordered per session, and at least one MVPS frame must verify.
    /// </summary>
    Capture,

    /// <summary>
    /// Our evidence: every record must be an MVPS frame in the 110-byte Ethernet/IPv4 evidence layout with
    /// correct checksums, and ticks increase across the whole file. A receipt implies it.
    /// </summary>
    Strict,
}
