namespace Mvps.Release;

/// <summary>
/// The outcome of checking a release folder: every problem found (each names one file), the files the
/// checksums list, and whether the provenance marks the key as an ephemeral throwaway.
/// </summary>
public sealed record ReleaseVerificationResult(
    string Folder,
    string KeyId,
    IReadOnlyList<ChecksumEntry> ListedFiles,
    IReadOnlyList<ReleaseProblem> Problems,
    bool SignedWithEphemeralKey)
{
    /// <summary>Whether the release holds: no problem found.</summary>
    public bool Passed => Problems.Count == 0;

    /// <summary>The key ids the provenance envelope names for its signatures (the signer's claim; verified only when the trusted key's signature checks).</summary>
    public IReadOnlyList<string> EnvelopeKeyIds { get; init; } = [];
}
