using System.Security.Cryptography;

namespace Mvps.Release.Tests;

public sealed class SigningKeyTests
{
    [Fact]
    public void LoadsPkcs8AndSec1PemFiles()
    {
        using var temp = new TempFolder();
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(temp.File("pkcs8.pem"), ecdsa.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(temp.File("sec1.pem"), ecdsa.ExportECPrivateKeyPem());

        using var pkcs8 = SigningKey.Load(temp.File("pkcs8.pem"), null);
        using var sec1 = SigningKey.Load(temp.File("sec1.pem"), null);

        Assert.Equal(pkcs8.KeyId, sec1.KeyId);
        Assert.False(pkcs8.IsEphemeral);
        Assert.Equal($"file {temp.File("pkcs8.pem")}", pkcs8.Origin);
        Assert.True(ReleasePublicKey.FromPem(ecdsa.ExportSubjectPublicKeyInfoPem(), "pub").VerifyData("m"u8, sec1.SignData("m"u8)));
    }

    [Fact]
    public void LoadsFromAnEnvironmentVariableIncludingOneLineEscapedPem()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var variable = "MVPS_RELEASE_TESTS_KEY_" + nameof(LoadsFromAnEnvironmentVariableIncludingOneLineEscapedPem).ToUpperInvariant();
        try
        {
            Environment.SetEnvironmentVariable(variable, ecdsa.ExportPkcs8PrivateKeyPem());
            using var multiLine = SigningKey.Load(null, variable, "unused");
            Environment.SetEnvironmentVariable(variable, ecdsa.ExportPkcs8PrivateKeyPem().Replace("\n", "\\n"));
            using var oneLine = SigningKey.Load(null, variable, "unused");

            Assert.Equal(multiLine.KeyId, oneLine.KeyId);
            Assert.Equal($"environment variable {variable}", oneLine.Origin);
            Assert.False(oneLine.IsEphemeral);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void FileAndSetVariableTogetherAreRefused()
    {
        using var temp = new TempFolder();
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(temp.File("k.pem"), ecdsa.ExportPkcs8PrivateKeyPem());
        var variable = "MVPS_RELEASE_TESTS_KEY_" + nameof(FileAndSetVariableTogetherAreRefused).ToUpperInvariant();
        try
        {
            Environment.SetEnvironmentVariable(variable, ecdsa.ExportPkcs8PrivateKeyPem());
            Assert.Contains("give one", Assert.Throws<ReleaseInputException>(() => SigningKey.Load(temp.File("k.pem"), variable)).Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void EphemeralKeyIsCreatedOwnerOnlyThenReused()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, ".nuke", "temp");

        using var first = SigningKey.Load(null, "MVPS_RELEASE_TESTS_SURELY_UNSET", folder);
        using var second = SigningKey.Load(null, "MVPS_RELEASE_TESTS_SURELY_UNSET", folder);

        var path = Path.Combine(folder, SigningKey.EphemeralKeyFileName);
        Assert.True(first.IsEphemeral);
        Assert.True(second.IsEphemeral);
        Assert.Equal(first.KeyId, second.KeyId);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", File.ReadAllText(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Contains("ephemeral", first.ToString());
    }

    [Fact]
    public void ADamagedEphemeralKeyIsReplaced()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File(SigningKey.EphemeralKeyFileName), "garbage");

        using var key = SigningKey.Load(null, null, temp.Path);

        Assert.True(key.IsEphemeral);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(temp.File(SigningKey.EphemeralKeyFileName)));
    }

    [Fact]
    public void NoKeyAndNoEphemeralFolderIsRefused()
    {
        Assert.Contains("no release key", Assert.Throws<ReleaseInputException>(() => SigningKey.Load(null, null)).Message);
    }

    [Fact]
    public void UnusableKeyFilesAreRefusedWithOneLineNamingTheFile()
    {
        using var temp = new TempFolder();
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var cases = new Dictionary<string, (string Pem, string Expected)>
        {
            ["p384.pem"] = (p384.ExportPkcs8PrivateKeyPem(), "P-256"),
            ["rsa.pem"] = (rsa.ExportPkcs8PrivateKeyPem(), "not an EC private key"),
            ["public.pem"] = (p256.ExportSubjectPublicKeyInfoPem(), "public key"),
            ["encrypted.pem"] = (p256.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000)), "encrypted"),
            ["text.pem"] = ("hello", "no PEM key block"),
            ["cert.pem"] = ("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "CERTIFICATE"),
        };

        foreach ((var file, (var pem, var expected)) in cases)
        {
            File.WriteAllText(temp.File(file), pem);
            var e = Assert.Throws<ReleaseInputException>(() => SigningKey.Load(temp.File(file), null));
            Assert.StartsWith($"file {temp.File(file)}:", e.Message);
            Assert.Contains(expected, e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }

        Assert.Contains("not found", Assert.Throws<ReleaseInputException>(() => SigningKey.Load(temp.File("absent.pem"), null)).Message);
        Assert.Contains("folder", Assert.Throws<ReleaseInputException>(() => SigningKey.Load(temp.Path, null)).Message);
    }

    [Fact]
    public void PublicKeyLoaderRefusesPrivateKeysAndOtherCurves()
    {
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Contains("holds a private key", Assert.Throws<ReleaseInputException>(() => ReleasePublicKey.FromPem(p256.ExportPkcs8PrivateKeyPem(), "k")).Message);
        Assert.Contains("P-256", Assert.Throws<ReleaseInputException>(() => ReleasePublicKey.FromPem(p384.ExportSubjectPublicKeyInfoPem(), "k")).Message);
    }
}
