using Mvps.IO;

namespace Mvps.Release;

/// <summary>
/// Checks a signed release folder from scratch against a public key the caller trusts: every digest in
/// SHA256SUMS, the detached signature over SHA256SUMS, the published public key, the DSSE signature over
/// the provenance statement's PAE, every statement subject against the files, and that the folder holds
/// nothing unlisted. Every problem names the file it concerns; checking goes on past the first one.
/// </summary>
public static class ReleaseVerifier
{
    /// <summary>Throws <see cref="ReleaseInputException"/> when the folder or the public key file is unusable.</summary>
    public static ReleaseVerificationResult Verify(string folder, string publicKeyPath)
    {
        RequireFolder(folder);
        using var key = ReleasePublicKey.Load(publicKeyPath);
        return Verify(folder, key);
    }

    internal static ReleaseVerificationResult Verify(string folder, ReleasePublicKey key)
    {
        RequireFolder(folder);
        var problems = new List<ReleaseProblem>();
        var digests = new FolderDigests(folder);

        // One read of SHA256SUMS: the bytes whose signature is checked are the bytes whose digests are compared.
        var checksumsBytes = ReadMetadata(folder, ReleaseFileNames.Checksums, ReleaseFileNames.MaxChecksumsBytes, problems);
        var checksums = CheckChecksums(checksumsBytes, digests, problems);
        CheckChecksumsSignature(folder, checksumsBytes, key, problems);
        CheckPublishedKey(folder, key, problems);
        var signerKeyIds = new List<string>();
        var statement = CheckProvenance(folder, key, problems, signerKeyIds);
        if (statement is not null)
        {
            CheckSubjects(statement, checksums, digests, problems);
        }

        CheckUnlisted(folder, checksums, problems);
        return new ReleaseVerificationResult(folder, key.KeyId, checksums.Entries, problems, statement?.SignedWithEphemeralKey ?? false)
        {
            EnvelopeKeyIds = signerKeyIds,
        };
    }

    private static ChecksumList CheckChecksums(byte[]? bytes, FolderDigests digests, List<ReleaseProblem> problems)
    {
        if (bytes is null)
        {
            return new ChecksumList(ReleaseFileNames.Checksums, [], []);
        }

        var list = Sha256Sums.Parse(bytes, ReleaseFileNames.Checksums);
        problems.AddRange(Sha256Sums.Verify(digests, list));
        return list;
    }

    private static void CheckChecksumsSignature(string folder, byte[]? checksums, ReleasePublicKey key, List<ReleaseProblem> problems)
    {
        var signature = ReadMetadata(folder, ReleaseFileNames.ChecksumsSignature, ReleaseFileNames.MaxSignatureBytes, problems);
        if (signature is null)
        {
            return;
        }

        // A missing or unreadable SHA256SUMS was already named where it was read.
        if (checksums is not null && !key.VerifyData(checksums, signature))
        {
            problems.Add(new ReleaseProblem(ReleaseFileNames.ChecksumsSignature,
                $"does not verify {ReleaseFileNames.Checksums} with public key {key.KeyId}: {ReleaseFileNames.Checksums} or its signature was altered, or another key signed it"));
        }
    }

    private static void CheckPublishedKey(string folder, ReleasePublicKey key, List<ReleaseProblem> problems)
    {
        var published = ReadMetadata(folder, ReleaseFileNames.PublicKey, PemKeyReader.MaxPemBytes, problems);
        if (published is not null && !published.AsSpan().SequenceEqual(key.PemFileBytes))
        {
            problems.Add(new ReleaseProblem(ReleaseFileNames.PublicKey, $"is not the PEM of the given public key {key.KeyId}"));
        }
    }

    private static ProvenanceStatement? CheckProvenance(string folder, ReleasePublicKey key, List<ReleaseProblem> problems, List<string> signerKeyIds)
    {
        const string name = ReleaseFileNames.Provenance;
        var bytes = ReadMetadata(folder, name, ReleaseFileNames.MaxProvenanceBytes, problems);
        if (bytes is null)
        {
            return null;
        }

        var newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline != bytes.Length - 1)
        {
            problems.Add(new ReleaseProblem(name, "is not exactly one envelope line ending in LF"));
            return null;
        }

        DsseEnvelope envelope;
        ProvenanceStatement statement;
        try
        {
            envelope = DsseEnvelope.Parse(bytes.AsSpan(0, newline));
            if (envelope.PayloadType != InTotoStatement.PayloadType)
            {
                throw new InvalidDataException($"payloadType is not {InTotoStatement.PayloadType}");
            }

            statement = InTotoStatement.Read(envelope.Payload);
            signerKeyIds.AddRange(envelope.Signatures.Select(signature => signature.KeyId));
        }
        catch (InvalidDataException e)
        {
            problems.Add(new ReleaseProblem(name, $"line 1: {e.Message}"));
            return null;
        }

        if (!Dsse.Verify(envelope, key))
        {
            problems.Add(new ReleaseProblem(name, $"no DSSE signature by public key {key.KeyId} verifies over the statement: the statement or the signature was altered, or another key signed it"));
        }

        // The JSON around the signed payload is not signed; our writer's exact bytes are the only accepted form.
        if (!envelope.ToJsonLine().AsSpan().SequenceEqual(bytes))
        {
            problems.Add(new ReleaseProblem(name, "envelope is not in the form the signer writes (altered outside the signed payload)"));
        }

        return statement;
    }

    private static void CheckSubjects(ProvenanceStatement statement, ChecksumList checksums, FolderDigests digests, List<ReleaseProblem> problems)
    {
        var listed = checksums.Entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subject in statement.Subjects.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (!subjects.Add(subject.Name))
            {
                problems.Add(new ReleaseProblem(subject.Name, $"is a subject of {ReleaseFileNames.Provenance} twice"));
                continue;
            }

            var actual = digests.DigestOf(subject.Name);
            if (actual is null)
            {
                problems.Add(new ReleaseProblem(subject.Name, $"is a subject of {ReleaseFileNames.Provenance} but missing from the folder"));
            }
            else if (actual != subject.Sha256)
            {
                problems.Add(new ReleaseProblem(subject.Name, $"SHA-256 {actual} differs from the provenance subject in {ReleaseFileNames.Provenance} ({subject.Sha256})"));
            }

            if (!listed.Contains(subject.Name))
            {
                problems.Add(new ReleaseProblem(subject.Name, $"is a subject of {ReleaseFileNames.Provenance} but not listed in {ReleaseFileNames.Checksums}"));
            }
        }

        foreach (var entry in checksums.Entries.Where(e => !subjects.Contains(e.Name)).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            problems.Add(new ReleaseProblem(entry.Name, $"is listed in {ReleaseFileNames.Checksums} but not a subject of {ReleaseFileNames.Provenance}"));
        }
    }

    private static void CheckUnlisted(string folder, ChecksumList checksums, List<ReleaseProblem> problems)
    {
        var listed = checksums.Entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach ((var name, var kind) in FolderDigests.List(folder))
        {
            if (kind == FileKindValue.Directory)
            {
                problems.Add(new ReleaseProblem(name, "is a folder inside the release; releases are flat"));
            }
            else if (kind != FileKindValue.Regular)
            {
                problems.Add(new ReleaseProblem(name, NotRegular(kind)));
            }
            else if (!ReleaseFileNames.IsMetadata(name) && !listed.Contains(name))
            {
                problems.Add(new ReleaseProblem(name, $"is in the folder but not listed in {ReleaseFileNames.Checksums}"));
            }
        }
    }

    private static ReleaseProblem Missing(string name) => new(name, "missing from the release folder");

    private static string NotRegular(FileKindValue kind) =>
        $"is {FileKind.Describe(kind)}, not a regular file: a release is a flat folder of regular files, and links are not followed";

    /// <summary>
    /// A metadata file's bytes, or null after adding a problem: missing, not a regular file (links not
    /// followed; reported by CheckUnlisted), or over <paramref name="limit"/> bytes.
    /// </summary>
    private static byte[]? ReadMetadata(string folder, string name, long limit, List<ReleaseProblem> problems)
    {
        var path = Path.Combine(folder, name);
        var kind = FileKind.Of(path, followLinks: false);
        if (kind != FileKindValue.Regular)
        {
            // A non-regular entry is reported once, by CheckUnlisted.
            if (kind == FileKindValue.Missing)
            {
                problems.Add(Missing(name));
            }

            return null;
        }

        try
        {
            return BoundedFile.ReadAll(path, limit, name, followLinks: false);
        }
        catch (InvalidDataException)
        {
            problems.Add(new ReleaseProblem(name, $"is larger than the {BoundedFile.Limit(limit)} a release's {name} may be"));
            return null;
        }
    }

    private static void RequireFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ReleaseInputException(File.Exists(folder) ? $"{folder}: is a file, not a release folder" : $"{folder}: no such folder");
        }
    }
}
