namespace Mvps.Release;

/// <summary>
/// The names of the files a signed release adds next to the released files, and the rule every
/// released file name obeys: a plain name inside the release folder (releases are flat).
/// </summary>
public static class ReleaseFileNames
{
    /// <summary>The SHA-256 list of the released files, in sha256sum's format.</summary>
    public const string Checksums = "SHA256SUMS";
    internal const string ChecksumsSignature = "SHA256SUMS.sig";
    /// <summary>The release's public key (PEM), so a checker can compare it with the one it trusts.</summary>
    public const string PublicKey = "mvps-release.pub";
    internal const string Provenance = "mvps.intoto.jsonl";

    /// <summary>The signing metadata, in the order the signer writes it.</summary>
    internal static IReadOnlyList<string> Metadata { get; } = [Checksums, ChecksumsSignature, PublicKey, Provenance];

    /// <summary>Whether <paramref name="name"/> is one of the files signing adds (not a released file).</summary>
    public static bool IsMetadata(string name) =>
        name is Checksums or ChecksumsSignature or PublicKey or Provenance;

    /// <summary>
    /// True for a name sha256sum and the in-toto subject list can carry unescaped: no folder part,
    /// no backslash (GNU escapes such names), no control characters.
    /// </summary>
    internal static bool IsPlainName(string name)
    {
        if (name.Length == 0 || name is "." or "..")
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is '/' or '\\' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A name made safe for a one-line message: control characters become '?', a huge name is cut.</summary>
    internal static string Printable(string name) => Mvps.IO.DisplayName.Of(name);

    /// <summary>Largest SHA256SUMS read: a line is at most 64 + 2 + 255 + 1 bytes, so 1 MiB lists over 3,000 files.</summary>
    internal const long MaxChecksumsBytes = 1 << 20;

    /// <summary>Largest SHA256SUMS.sig read: a DER ECDSA P-256 signature is at most 72 bytes.</summary>
    internal const long MaxSignatureBytes = 4 << 10;

    /// <summary>Largest mvps.intoto.jsonl read: one envelope whose statement names the release's files.</summary>
    internal const long MaxProvenanceBytes = 4 << 20;
}
