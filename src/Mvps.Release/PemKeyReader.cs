using System.Security.Cryptography;

namespace Mvps.Release;

/// <summary>
/// Finds and imports the one key block of a PEM text as an ECDSA P-256 key. Errors name the source and
/// the PEM label only; neither the text nor any decoded byte ever reaches a message.
/// </summary>
internal static class PemKeyReader
{
    public const string Pkcs8Label = "PRIVATE KEY";
    public const string Sec1Label = "EC PRIVATE KEY";
    public const string EncryptedPkcs8Label = "ENCRYPTED PRIVATE KEY";
    public const string PublicKeyLabel = "PUBLIC KEY";

    /// <summary>Largest key file read; a P-256 PEM is a few hundred bytes, so anything bigger is the wrong file.</summary>
    public const int MaxPemBytes = 64 * 1024;

    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static ECDsa ImportPrivateKey(string pem, string sourceName)
    {
        (var label, var der) = FindKeyBlock(pem, sourceName);
        try
        {
            switch (label)
            {
                case Pkcs8Label:
                case Sec1Label:
                    break;
                case EncryptedPkcs8Label:
                    throw new ReleaseInputException($"{sourceName}: the private key is encrypted; give an unencrypted PKCS#8 or EC PRIVATE KEY PEM");
                case PublicKeyLabel:
                    throw new ReleaseInputException($"{sourceName}: holds a public key; signing needs the private key");
                default:
                    throw new ReleaseInputException($"{sourceName}: PEM block \"{label}\" is not a PRIVATE KEY or EC PRIVATE KEY");
            }

            return ImportP256(
                key =>
                {
                    if (label == Pkcs8Label)
                    {
                        key.ImportPkcs8PrivateKey(der, out _);
                    }
                    else
                    {
                        key.ImportECPrivateKey(der, out _);
                    }
                },
                sourceName,
                label,
                "an EC private key");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    public static ECDsa ImportPublicKey(string pem, string sourceName)
    {
        (var label, var der) = FindKeyBlock(pem, sourceName);
        if (label != PublicKeyLabel)
        {
            CryptographicOperations.ZeroMemory(der);
            throw new ReleaseInputException(label.Contains("PRIVATE", StringComparison.Ordinal)
                ? $"{sourceName}: holds a private key; give the public key ({ReleaseFileNames.PublicKey})"
                : $"{sourceName}: PEM block \"{label}\" is not a PUBLIC KEY");
        }

        return ImportP256(key => key.ImportSubjectPublicKeyInfo(der, out _), sourceName, PublicKeyLabel, "an EC public key");
    }

    /// <summary>
    /// A new key filled by <paramref name="import"/> from a block labelled <paramref name="label"/>, required to be on
    /// P-256; the library's failures become one line naming the source and what the block is not.
    /// </summary>
    private static ECDsa ImportP256(Action<ECDsa> import, string sourceName, string label, string expected)
    {
        var key = ECDsa.Create();
        try
        {
            import(key);
        }
        catch (CryptographicException)
        {
            key.Dispose();
            // The library's message is dropped on purpose: the key bytes are nobody's business.
            throw new ReleaseInputException($"{sourceName}: the {label} block is not {expected}");
        }
        catch (PlatformNotSupportedException)
        {
            key.Dispose();
            throw UnknownCurve(sourceName, label);
        }

        RequireP256(key, sourceName);
        return key;
    }

    public static string ReadFile(string path, string what)
    {
        var name = Mvps.IO.DisplayName.Of(path);
        if (Directory.Exists(path))
        {
            throw new ReleaseInputException($"{name}: is a folder, not a {what} file");
        }

        if (!File.Exists(path))
        {
            throw new ReleaseInputException($"{name}: {what} file not found");
        }

        byte[] bytes;
        try
        {
            // Bounded whatever the file reports (/dev/zero reports 0 bytes and never ends); a pipe or /dev/stdin is read the same way.
            bytes = Mvps.IO.BoundedFile.ReadAll(path, MaxPemBytes, what);
        }
        catch (InvalidDataException e)
        {
            throw new ReleaseInputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReleaseInputException($"{name}: cannot read the {what} file ({e.GetType().Name})");
        }

        try
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The first PEM block that is not EC PARAMETERS (openssl ecparam -genkey writes those first).</summary>
    private static (string Label, byte[] Der) FindKeyBlock(string pem, string sourceName)
    {
        ReadOnlySpan<char> rest = pem;
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();
            if (label != "EC PARAMETERS")
            {
                var der = new byte[fields.DecodedDataLength];
                if (!Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out var written) || written != der.Length)
                {
                    CryptographicOperations.ZeroMemory(der);
                    throw new ReleaseInputException($"{sourceName}: the {label} block is not valid base64");
                }

                return (label, der);
            }

            rest = rest[fields.Location.End..];
        }

        throw new ReleaseInputException($"{sourceName}: no PEM key block (-----BEGIN ...-----) found");
    }

    /// <summary>
    /// OpenSSL refuses a curve OID it does not know with PlatformNotSupportedException, not CryptographicException
    /// (found by fuzzing); such a key is on no curve a release uses.
    /// </summary>
    private static ReleaseInputException UnknownCurve(string sourceName, string label) =>
        new($"{sourceName}: the {label} block names a curve this system does not know; releases are signed with ECDSA P-256 (prime256v1)");

    private static void RequireP256(ECDsa key, string sourceName)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (!curve.IsNamed || curve.Oid.Value != P256Oid)
        {
            var name = curve.IsNamed ? (curve.Oid.FriendlyName ?? curve.Oid.Value ?? "unnamed") : "explicit parameters";
            key.Dispose();
            throw new ReleaseInputException($"{sourceName}: key is on curve {name}; releases are signed with ECDSA P-256 (prime256v1)");
        }
    }
}
