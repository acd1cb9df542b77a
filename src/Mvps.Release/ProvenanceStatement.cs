namespace Mvps.Release;

/// <summary>What a verifier reads back from an in-toto statement: its subjects and the signing-key marker.</summary>
internal sealed record ProvenanceStatement(IReadOnlyList<ChecksumEntry> Subjects, string? SigningKeyNote)
{
    public bool SignedWithEphemeralKey => SigningKeyNote == InTotoStatement.EphemeralKeyMarker;
}
