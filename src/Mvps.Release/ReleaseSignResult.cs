namespace Mvps.Release;

/// <summary>What <see cref="ReleaseSigner.Sign"/> wrote: the released files with their digests and the signing metadata.</summary>
public sealed record ReleaseSignResult(
    string Folder,
    IReadOnlyList<ChecksumEntry> Files,
    IReadOnlyList<string> WrittenFiles,
    string KeyId,
    bool SignedWithEphemeralKey,
    string StatementSha256);
