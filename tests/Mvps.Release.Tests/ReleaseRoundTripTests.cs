using System.Text;

namespace Mvps.Release.Tests;

public sealed class ReleaseRoundTripTests
{
    [Fact]
    public void SignedReleaseVerifies()
    {
        using var release = TestRelease.Create();

        var result = release.Verify();

        Assert.Empty(result.Problems);
        Assert.True(result.Passed);
        Assert.Equal(TestRelease.Files.Keys.Order(StringComparer.Ordinal), result.ListedFiles.Select(f => f.Name));
        Assert.Equal(release.Key.KeyId, result.KeyId);
        Assert.False(result.SignedWithEphemeralKey);
    }

    [Fact]
    public void SignerWritesTheFourMetadataFilesAndNothingElse()
    {
        using var release = TestRelease.Create();

        string[] names = [.. Directory.GetFiles(release.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

        Assert.Equal(TestRelease.AllOutputNames.Order(StringComparer.Ordinal), names);
        Assert.Equal(release.Key.PublicKey.PemFileBytes, File.ReadAllBytes(release.PathOf("mvps-release.pub")));
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", File.ReadAllText(release.PathOf("mvps-release.pub")));
        Assert.Equal(TestRelease.Files.Count, File.ReadAllLines(release.PathOf("SHA256SUMS")).Length);
    }

    [Fact]
    public void SigningAgainGivesTheSameStatementAndChecksumsButNewSignatures()
    {
        using var release = TestRelease.Create();
        var sums = File.ReadAllBytes(release.PathOf("SHA256SUMS"));
        var pub = File.ReadAllBytes(release.PathOf("mvps-release.pub"));
        var signature = File.ReadAllBytes(release.PathOf("SHA256SUMS.sig"));
        var first = ReadEnvelope(release);

        release.Sign();
        var second = ReadEnvelope(release);

        Assert.Equal(sums, File.ReadAllBytes(release.PathOf("SHA256SUMS")));
        Assert.Equal(pub, File.ReadAllBytes(release.PathOf("mvps-release.pub")));
        Assert.Equal(first.Payload, second.Payload);
        // ECDSA draws a fresh random nonce per signature, so the signature values differ while both verify.
        Assert.NotEqual(first.Signatures[0].Sig, second.Signatures[0].Sig);
        Assert.NotEqual(signature, File.ReadAllBytes(release.PathOf("SHA256SUMS.sig")));
        Assert.Empty(release.Verify().Problems);
    }

    [Fact]
    public void StatementIsIdenticalAcrossTwoSeparateReleasesOfTheSameFiles()
    {
        using var one = TestRelease.Create();
        using var two = TestRelease.Create();

        Assert.Equal(ReadEnvelope(one).Payload, ReadEnvelope(two).Payload);
        Assert.Equal(File.ReadAllBytes(one.PathOf("SHA256SUMS")), File.ReadAllBytes(two.PathOf("SHA256SUMS")));
    }

    [Fact]
    public void EphemeralKeyIsMarkedInTheProvenanceAndReportedByTheVerifier()
    {
        using var release = TestRelease.Create(sign: false);
        using var ephemeral = SigningKey.Load(null, null, release.Temp.Sub("nuke-temp"));
        File.WriteAllBytes(release.PublicKeyPath, ephemeral.PublicKey.PemFileBytes);
        var log = new List<string>();

        var signed = ReleaseSigner.Sign(release.Folder, ephemeral, TestRelease.Provenance, log: log.Add);
        var result = release.Verify();

        Assert.True(signed.SignedWithEphemeralKey);
        Assert.Contains(InTotoStatement.EphemeralKeyMarker, Encoding.UTF8.GetString(ReadEnvelope(release).Payload));
        Assert.Contains(log, line => line.StartsWith("WARNING", StringComparison.Ordinal) && line.Contains("ephemeral"));
        Assert.Empty(result.Problems);
        Assert.True(result.SignedWithEphemeralKey);
    }

    [Fact]
    public void AnExplicitFileListReleasesOnlyThoseFiles()
    {
        using var release = TestRelease.Create(sign: false);
        File.Delete(release.PathOf("release notes.txt"));

        var result = ReleaseSigner.Sign(release.Folder, release.Key, TestRelease.Provenance, ["mvps_pcap_receipt.json", "mvps_baseline.pcap"]);

        Assert.Equal(["mvps_baseline.pcap", "mvps_pcap_receipt.json"], result.Files.Select(f => f.Name));
        Assert.Empty(release.Verify().Problems);
    }

    [Fact]
    public void UnusableSignerInputIsAReleaseInputException()
    {
        using var release = TestRelease.Create(sign: false);

        Assert.Contains("no such folder", Assert.Throws<ReleaseInputException>(() =>
            ReleaseSigner.Sign(release.PathOf("absent"), release.Key, TestRelease.Provenance)).Message);
        Assert.Contains("no such file", Assert.Throws<ReleaseInputException>(() =>
            ReleaseSigner.Sign(release.Folder, release.Key, TestRelease.Provenance, ["absent.pcap"])).Message);
        Assert.Contains("not a plain file name", Assert.Throws<ReleaseInputException>(() =>
            ReleaseSigner.Sign(release.Folder, release.Key, TestRelease.Provenance, ["../x"])).Message);
        Assert.Contains("signing metadata", Assert.Throws<ReleaseInputException>(() =>
            ReleaseSigner.Sign(release.Folder, release.Key, TestRelease.Provenance, ["SHA256SUMS"])).Message);
        Assert.Contains("no files", Assert.Throws<ReleaseInputException>(() =>
            ReleaseSigner.Sign(release.Temp.Sub("empty"), release.Key, TestRelease.Provenance)).Message);
    }

    [Fact]
    public void UnusableVerifierInputIsAReleaseInputException()
    {
        using var release = TestRelease.Create();

        Assert.Contains("no such folder", Assert.Throws<ReleaseInputException>(() => ReleaseVerifier.Verify(release.PathOf("absent"), release.PublicKeyPath)).Message);
        Assert.Contains("not found", Assert.Throws<ReleaseInputException>(() => ReleaseVerifier.Verify(release.Folder, release.Temp.File("absent.pub"))).Message);
        Assert.Contains("private key", Assert.Throws<ReleaseInputException>(() => ReleaseVerifier.Verify(release.Folder, release.Temp.File("release-key.pem"))).Message);
    }

    internal static DsseEnvelope ReadEnvelope(TestRelease release)
    {
        var line = File.ReadAllBytes(release.PathOf("mvps.intoto.jsonl"));
        return DsseEnvelope.Parse(line.AsSpan(0, line.Length - 1));
    }
}
