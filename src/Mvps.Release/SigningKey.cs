using Mvps.IO;
using System.Security.Cryptography;
using System.Text;

namespace Mvps.Release;

/// <summary>
/// The ECDSA P-256 release signing key: from a PEM file, from an environment variable holding the PEM,
/// or an ephemeral throwaway key kept in a temp folder. The private key never leaves this object:
/// no property, message or ToString shows it; only signatures and the public key come out.
/// </summary>
public sealed class SigningKey : IDisposable
{
    internal const string EphemeralKeyFileName = "ephemeral-release-key.pem";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly ECDsa _key;

    private SigningKey(ECDsa key, string origin, bool isEphemeral)
    {
        _key = key;
        Origin = origin;
        IsEphemeral = isEphemeral;
        PublicKey = ReleasePublicKey.FromKey(key);
    }

    /// <summary>True for a throwaway key made because none was given: fine for local runs, never for publication.</summary>
    public bool IsEphemeral { get; }

    /// <summary>Where the key came from ("file x", "environment variable X", "ephemeral key file x"); no key material.</summary>
    internal string Origin { get; }

    internal ReleasePublicKey PublicKey { get; }

    /// <summary>The key id: lowercase hex SHA-256 of the public key's SubjectPublicKeyInfo.</summary>
    public string KeyId => PublicKey.KeyId;

    /// <summary>
    /// The key from <paramref name="pemPath"/>, else from the environment variable named
    /// <paramref name="environmentVariable"/> when it is set and not empty, else the ephemeral key in
    /// <paramref name="ephemeralKeyFolder"/> (created with mode 0600 when missing or unreadable, reused
    /// otherwise). Throws <see cref="ReleaseInputException"/> when a given key is unusable, both a file
    /// and a set variable are given, or there is no key and no ephemeral folder.
    /// </summary>
    public static SigningKey Load(string? pemPath, string? environmentVariable, string? ephemeralKeyFolder = null)
    {
        var environmentValue = string.IsNullOrEmpty(environmentVariable) ? null : Environment.GetEnvironmentVariable(environmentVariable);
        if (string.IsNullOrEmpty(environmentValue))
        {
            environmentValue = null;
        }

        if (pemPath is not null && environmentValue is not null)
        {
            throw new ReleaseInputException($"both the key file {pemPath} and the environment variable {environmentVariable} give a release key; give one");
        }

        if (pemPath is not null)
        {
            return FromPem(PemKeyReader.ReadFile(pemPath, "private key"), $"file {pemPath}");
        }

        if (environmentValue is not null)
        {
            // A secret store may keep the PEM on one line with literal "\n" escapes.
            var pem = environmentValue.Contains('\n', StringComparison.Ordinal) ? environmentValue : environmentValue.Replace("\\n", "\n", StringComparison.Ordinal);
            return FromPem(pem, $"environment variable {environmentVariable}");
        }

        if (ephemeralKeyFolder is null)
        {
            throw new ReleaseInputException(
                environmentVariable is null ? "no release key given" : $"no release key given: set {environmentVariable} or give a PEM key file");
        }

        return LoadOrCreateEphemeral(ephemeralKeyFolder);
    }

    /// <summary>A key from PEM text (PKCS#8 "PRIVATE KEY" or SEC 1 "EC PRIVATE KEY"); <paramref name="origin"/> names it in messages.</summary>
    public static SigningKey FromPem(string pem, string origin) => new(PemKeyReader.ImportPrivateKey(pem, origin), origin, isEphemeral: false);

    /// <summary>An ASN.1 DER ECDSA signature of SHA-256(<paramref name="data"/>), the form openssl dgst -verify and DSSE expect.</summary>
    internal byte[] SignData(ReadOnlySpan<byte> data) =>
        _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>The key's id and origin, for the build log; no key material.</summary>
    public override string ToString() => $"ECDSA P-256 key {KeyId} from {Origin}{(IsEphemeral ? " (ephemeral throwaway key)" : "")}";

    /// <summary>Releases the private key.</summary>
    public void Dispose()
    {
        _key.Dispose();
        PublicKey.Dispose();
    }

    private static SigningKey LoadOrCreateEphemeral(string folder)
    {
        var path = Path.Combine(folder, EphemeralKeyFileName);
        var origin = $"ephemeral key file {path}";
        if (File.Exists(path))
        {
            try
            {
                var existing = PemKeyReader.ImportPrivateKey(PemKeyReader.ReadFile(path, "ephemeral key"), origin);
                if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
                {
                    File.SetUnixFileMode(path, OwnerOnly);
                }

                return new SigningKey(existing, origin, isEphemeral: true);
            }
            catch (ReleaseInputException)
            {
                // A damaged throwaway key is simply replaced below.
            }
        }

        Directory.CreateDirectory(folder);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem().ReplaceLineEndings("\n") + "\n");
        try
        {
            AtomicFile.Write(path, bytes, OwnerOnly);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }

        return new SigningKey(key, origin, isEphemeral: true);
    }
}
