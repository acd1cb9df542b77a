using System.Security.Cryptography;

namespace Mvps.Release.Tests;

/// <summary>Every alteration of a signed release must fail verification with a problem naming the altered file.</summary>
public sealed class ReleaseTamperTests
{
    public static TheoryData<string> OutputNames() => [.. TestRelease.AllOutputNames];

    [Theory]
    [MemberData(nameof(OutputNames))]
    public void FlippingAnyBitOfAnyByteOfAnyOutputFileIsCaughtAndNamesTheFile(string name)
    {
        using var release = TestRelease.Create();
        var path = release.PathOf(name);
        var original = File.ReadAllBytes(path);

        // Every byte, with a low bit (stays ASCII) and with the high bit (breaks ASCII/UTF-8).
        foreach (var mask in new byte[] { 0x01, 0x80 })
        {
            for (var i = 0; i < original.Length; i++)
            {
                var altered = (byte[])original.Clone();
                altered[i] ^= mask;
                File.WriteAllBytes(path, altered);

                var result = release.Verify();

                Assert.False(result.Passed, $"{name}: byte {i} ^ 0x{mask:x2} not caught");
                Assert.True(result.Problems.Any(p => p.ToString().Contains(name, StringComparison.Ordinal)),
                    $"{name}: byte {i} ^ 0x{mask:x2} caught but no problem names the file: {string.Join(" | ", result.Problems)}");
            }
        }

        File.WriteAllBytes(path, original);
        Assert.True(release.Verify().Passed);
    }

    [Theory]
    [MemberData(nameof(OutputNames))]
    public void ADeletedFileIsCaughtAndNamed(string name)
    {
        using var release = TestRelease.Create();
        File.Delete(release.PathOf(name));

        var result = release.Verify();

        Assert.Contains(result.Problems, p => p.File == name);
    }

    [Theory]
    [InlineData("extra.bin")]
    [InlineData(".hidden")]
    public void AnUnlistedFileIsCaughtAndNamed(string name)
    {
        using var release = TestRelease.Create();
        File.WriteAllText(release.PathOf(name), "not released");

        var problem = Assert.Single(release.Verify().Problems);

        Assert.Equal(name, problem.File);
        Assert.Contains("not listed in SHA256SUMS", problem.Message);
    }

    [Fact]
    public void ASubfolderIsCaughtAndNamed()
    {
        using var release = TestRelease.Create();
        Directory.CreateDirectory(release.PathOf("more"));

        Assert.Equal("more", Assert.Single(release.Verify().Problems).File);
    }

    [Fact]
    public void AFileTruncatedOrExtendedIsNamed()
    {
        using var release = TestRelease.Create();
        File.AppendAllText(release.PathOf("release notes.txt"), "x");

        var result = release.Verify();

        Assert.Equal(["release notes.txt", "release notes.txt"], result.Problems.Select(p => p.File));
    }

    [Fact]
    public void AReleaseSignedByAnotherKeyFailsBothSignatures()
    {
        using var release = TestRelease.Create();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(release.PublicKeyPath, other.ExportSubjectPublicKeyInfoPem());

        var result = release.Verify();

        Assert.Equal(["SHA256SUMS.sig", "mvps-release.pub", "mvps.intoto.jsonl"], result.Problems.Select(p => p.File));
    }

    [Fact]
    public void ConsistentlyRewrittenChecksumsAndStatementStillFailTheSignatures()
    {
        // An attacker who replaces a file and recomputes SHA256SUMS and the statement cannot re-sign them.
        using var release = TestRelease.Create();
        var envelope = ReleaseRoundTripTests.ReadEnvelope(release);
        File.WriteAllText(release.PathOf("release notes.txt"), "replaced\n");
        var entries = Sha256Sums.Compute(release.Folder, TestRelease.Files.Keys);
        File.WriteAllBytes(release.PathOf("SHA256SUMS"), Sha256Sums.FormatBytes(entries));
        var statement = InTotoStatement.Create(entries, TestRelease.Provenance, ephemeralKey: false);
        File.WriteAllBytes(release.PathOf("mvps.intoto.jsonl"), (envelope with { Payload = statement }).ToJsonLine());

        var result = release.Verify();

        Assert.Equal(["SHA256SUMS.sig", "mvps.intoto.jsonl"], result.Problems.Select(p => p.File));
    }
}
