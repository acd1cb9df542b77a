namespace Mvps.Release.Tests;

/// <summary>Third-party programs check our release the way an outsider would, offline.</summary>
public sealed class OpenSslOracleTests
{
    [ToolFact("sha256sum")]
    public void Sha256SumChecksTheReleaseAndRejectsATamperedFile()
    {
        using var release = TestRelease.Create();

        Sha256SumOracle.AcceptsThenRejectsATamperedFile(release.Folder, "mvps_pcap_receipt.json", " ");
    }

    [ToolFact("openssl")]
    public void OpenSslVerifiesTheDetachedSignatureAndRejectsATamperedChecksumFile()
    {
        using var release = TestRelease.Create();

        (var ok, var okOutput) = ExternalProgram.Run("openssl",
            ["dgst", "-sha256", "-verify", "mvps-release.pub", "-signature", "SHA256SUMS.sig", "SHA256SUMS"], workingDirectory: release.Folder);
        Assert.Equal(0, ok);
        Assert.Contains("Verified OK", okOutput);

        var sums = File.ReadAllBytes(release.PathOf("SHA256SUMS"));
        sums[10] ^= 0x01;
        File.WriteAllBytes(release.PathOf("SHA256SUMS"), sums);
        (var bad, var badOutput) = ExternalProgram.Run("openssl",
            ["dgst", "-sha256", "-verify", "mvps-release.pub", "-signature", "SHA256SUMS.sig", "SHA256SUMS"], workingDirectory: release.Folder);
        Assert.NotEqual(0, bad);
        Assert.Contains("Verification failure", badOutput);
    }

    [ToolFact("openssl")]
    public void OpenSslVerifiesTheDsseSignatureOverThePae()
    {
        using var release = TestRelease.Create();
        var envelope = ReleaseRoundTripTests.ReadEnvelope(release);
        File.WriteAllBytes(release.Temp.File("pae.bin"), Dsse.PreAuthenticationEncoding(envelope.PayloadType, envelope.Payload));
        File.WriteAllBytes(release.Temp.File("pae.sig"), envelope.Signatures.Single().Sig);

        (var ok, var okOutput) = ExternalProgram.Run("openssl",
            ["dgst", "-sha256", "-verify", release.PublicKeyPath, "-signature", "pae.sig", "pae.bin"], workingDirectory: release.Temp.Path);
        Assert.Equal(0, ok);
        Assert.Contains("Verified OK", okOutput);

        // The signature covers the PAE, not the bare statement.
        File.WriteAllBytes(release.Temp.File("statement.json"), envelope.Payload);
        (var bare, _) = ExternalProgram.Run("openssl",
            ["dgst", "-sha256", "-verify", release.PublicKeyPath, "-signature", "pae.sig", "statement.json"], workingDirectory: release.Temp.Path);
        Assert.NotEqual(0, bare);
    }

    [ToolFact("openssl")]
    public void OpenSslReadsOurPublicKeyAsP256()
    {
        using var release = TestRelease.Create();

        (var exit, var output) = ExternalProgram.Run("openssl", ["pkey", "-pubin", "-in", "mvps-release.pub", "-noout", "-text"], workingDirectory: release.Folder);

        Assert.Equal(0, exit);
        Assert.Contains("prime256v1", output);
    }

    [ToolFact("openssl")]
    public void KeysMadeByOpenSslCanSign()
    {
        using var temp = new TempFolder();
        foreach ((var file, var arguments) in new[]
        {
            ("pkcs8.pem", new[] { "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "pkcs8.pem" }),
            ("sec1.pem", new[] { "ecparam", "-name", "prime256v1", "-genkey", "-out", "sec1.pem" }),
        })
        {
            (var exit, var output) = ExternalProgram.Run("openssl", arguments, workingDirectory: temp.Path);
            Assert.True(exit == 0, output);

            using var key = SigningKey.Load(temp.File(file), null);
            Assert.True(key.PublicKey.VerifyData("x"u8, key.SignData("x"u8)));
            Assert.False(key.IsEphemeral);
        }
    }
}
