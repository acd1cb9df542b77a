using System.Security.Cryptography;
using System.Text;
using Mvps.IO;

namespace Mvps.Release;

/// <summary>
/// The public half of a release key as a verifier holds it: loaded from a PEM SubjectPublicKeyInfo,
/// identified by the SHA-256 of its DER (the DSSE keyid), able only to verify.
/// </summary>
internal sealed class ReleasePublicKey : IDisposable
{
    private readonly ECDsa _key;

    private ReleasePublicKey(ECDsa key)
    {
        _key = key;
        SubjectPublicKeyInfo = key.ExportSubjectPublicKeyInfo();
        KeyId = KeyIdOf(SubjectPublicKeyInfo);
    }

    /// <summary>SHA-256 of the DER SubjectPublicKeyInfo, lowercase hex.</summary>
    public string KeyId { get; }

    public byte[] SubjectPublicKeyInfo { get; }

    /// <summary>Exactly the bytes the signer writes to mvps-release.pub: PEM with LF line ends and a final LF.</summary>
    public byte[] PemFileBytes => Encoding.ASCII.GetBytes(_key.ExportSubjectPublicKeyInfoPem().ReplaceLineEndings("\n") + "\n");

    /// <summary>Loads a PEM "PUBLIC KEY" file; throws <see cref="ReleaseInputException"/> naming the file when unusable.</summary>
    public static ReleasePublicKey Load(string path) => FromPem(PemKeyReader.ReadFile(path, "public key"), path);

    public static ReleasePublicKey FromPem(string pem, string sourceName) => new(PemKeyReader.ImportPublicKey(pem, sourceName));

    internal static ReleasePublicKey FromKey(ECDsa key) => new(ECDsa.Create(key.ExportParameters(includePrivateParameters: false)));

    internal static string KeyIdOf(ReadOnlySpan<byte> subjectPublicKeyInfo) => LowerHex.Of(SHA256.HashData(subjectPublicKeyInfo));

    /// <summary>True when <paramref name="derSignature"/> is a valid ASN.1 DER ECDSA signature of SHA-256(<paramref name="data"/>).</summary>
    public bool VerifyData(ReadOnlySpan<byte> data, ReadOnlySpan<byte> derSignature)
    {
        try
        {
            return _key.VerifyData(data, derSignature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public override string ToString() => $"ECDSA P-256 public key {KeyId}";

    public void Dispose() => _key.Dispose();
}
