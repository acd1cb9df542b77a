using Mvps.IO;
using System.Security.Cryptography;

namespace Mvps.Release;

/// <summary>
/// Signs a release folder in place: writes SHA256SUMS, its detached DER signature SHA256SUMS.sig, the
/// public key mvps-release.pub and the DSSE-signed in-toto provenance mvps.intoto.jsonl. Everything but
/// the two ECDSA signature values is a function of the files, the provenance inputs and the key.
/// </summary>
public static class ReleaseSigner
{
    /// <summary>
    /// Signs <paramref name="fileNames"/> in <paramref name="folder"/>, or with no names every regular file
    /// directly in it except earlier signing metadata. <paramref name="log"/> gets one line per step; no
    /// line carries key material. Throws <see cref="ReleaseInputException"/> for a missing folder or file
    /// or an empty release.
    /// </summary>
    public static ReleaseSignResult Sign(string folder, SigningKey key, ProvenanceInputs provenance, IEnumerable<string>? fileNames = null, Action<string>? log = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new ReleaseInputException($"{folder}: no such folder");
        }

        List<string> names = fileNames is null
            ? [.. FolderDigests.List(folder).Where(e => e.Kind == FileKindValue.Regular && !ReleaseFileNames.IsMetadata(e.Name) && !IsPartialWrite(e.Name)).Select(e => e.Name)]
            : [.. fileNames];
        foreach (var name in names.Where(ReleaseFileNames.IsMetadata))
        {
            throw new ReleaseInputException($"{name}: is signing metadata the signer writes itself, not a release file");
        }

        if (names.Count == 0)
        {
            throw new ReleaseInputException($"{folder}: no files to release");
        }

        var entries = Sha256Sums.Compute(folder, names);
        var checksums = Sha256Sums.FormatBytes(entries);
        var statement = InTotoStatement.Create(entries, provenance, key.IsEphemeral);
        var envelope = Dsse.Sign(InTotoStatement.PayloadType, statement, key).ToJsonLine();
        var checksumsSignature = key.SignData(checksums);

        if (key.IsEphemeral)
        {
            log?.Invoke($"WARNING: signing with the ephemeral throwaway key {key.KeyId}; the provenance says so. Do not publish this release.");
        }

        AtomicFile.Write(Path.Combine(folder, ReleaseFileNames.Checksums), checksums);
        log?.Invoke($"{ReleaseFileNames.Checksums}: {entries.Count} file(s)");
        AtomicFile.Write(Path.Combine(folder, ReleaseFileNames.ChecksumsSignature), checksumsSignature);
        log?.Invoke($"{ReleaseFileNames.ChecksumsSignature}: ECDSA P-256 SHA-256 (DER) by key {key.KeyId}");
        AtomicFile.Write(Path.Combine(folder, ReleaseFileNames.PublicKey), key.PublicKey.PemFileBytes);
        log?.Invoke($"{ReleaseFileNames.PublicKey}: public key {key.KeyId}");
        AtomicFile.Write(Path.Combine(folder, ReleaseFileNames.Provenance), envelope);
        var statementSha256 = LowerHex.Of(SHA256.HashData(statement));
        log?.Invoke($"{ReleaseFileNames.Provenance}: in-toto SLSA provenance v1 (statement SHA-256 {statementSha256}) in a DSSE envelope");

        return new ReleaseSignResult(folder, entries, ReleaseFileNames.Metadata, key.KeyId, key.IsEphemeral, statementSha256);
    }

    private static bool IsPartialWrite(string name) => name.StartsWith('.') && name.EndsWith(".partial", StringComparison.Ordinal);
}
