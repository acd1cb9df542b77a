using System.CommandLine;
using Mvps.Tool;

namespace Mvps.Release.Tests;

/// <summary>`mvps verify-release` end to end on a release of the committed evidence captures.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class VerifyReleaseCommandTests
{
    private static readonly string EvidenceFolder = FindEvidence();

    [Fact]
    public void AGoodReleaseOfTheEvidenceExitsZeroAndChecksTheCaptures()
    {
        using var release = EvidenceRelease();

        (var exit, var output, var error) = Run("verify-release", release.Folder, "--public-key", release.PublicKeyPath);

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Contains("mvps_baseline.pcap: OK, 30 frames, receipt matches", output);
        Assert.Contains("mvps_ddos.pcap: OK", output);
        Assert.Contains($"{release.Folder}: OK", output);
        Assert.Empty(error);
    }

    [Fact]
    public void ATamperedCaptureExitsOneNamingIt()
    {
        using var release = EvidenceRelease();
        var capture = File.ReadAllBytes(release.PathOf("mvps_ddos.pcap"));
        capture[200] ^= 0x10;
        File.WriteAllBytes(release.PathOf("mvps_ddos.pcap"), capture);

        (var exit, var output, _) = Run("verify-release", release.Folder, "--public-key", release.PublicKeyPath);

        Assert.Equal(ExitCodes.VerificationFailed, exit);
        Assert.Contains("FAILED mvps_ddos.pcap: SHA-256", output);
        Assert.Contains($"{release.Folder}: FAILED", output);
    }

    [Fact]
    public void WithoutAReceiptOnlyTheReleaseIsChecked()
    {
        using var release = TestRelease.Create();
        File.Delete(release.PathOf("mvps_pcap_receipt.json"));
        release.Sign();
        File.Move(release.PathOf("mvps_baseline.pcap"), release.PathOf("renamed.pcap"));

        (var exit, var output, _) = Run("verify-release", release.Folder, "--public-key", release.PublicKeyPath);

        Assert.Equal(ExitCodes.VerificationFailed, exit);
        Assert.Contains("FAILED mvps_baseline.pcap: listed in SHA256SUMS but missing", output);
        Assert.Contains("FAILED renamed.pcap: is in the folder but not listed in SHA256SUMS", output);
        Assert.Contains("no mvps_pcap_receipt.json", output);
    }

    [Fact]
    public void UnusableInputExitsTwoWithOneLine()
    {
        using var release = TestRelease.Create();
        File.WriteAllText(release.Temp.File("bad.pub"), "not a key");

        foreach (var arguments in new[]
        {
            new[] { "verify-release", release.Temp.File("absent"), "--public-key", release.PublicKeyPath },
            new[] { "verify-release", release.Folder, "--public-key", release.Temp.File("absent.pub") },
            new[] { "verify-release", release.Folder, "--public-key", release.Temp.File("bad.pub") },
        })
        {
            (var exit, _, var error) = Run(arguments);
            Assert.Equal(ExitCodes.UnusableInput, exit);
            Assert.StartsWith("mvps verify-release: ", error);
            Assert.Equal(1, error.Count(c => c == '\n'));
        }
    }

    private static TestRelease EvidenceRelease()
    {
        var release = TestRelease.Create(sign: false);
        foreach (var file in Directory.GetFiles(release.Folder))
        {
            File.Delete(file);
        }

        foreach (var name in new[] { "mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json" })
        {
            File.Copy(Path.Combine(EvidenceFolder, name), release.PathOf(name));
        }

        release.Sign();
        return release;
    }

    private static (int Exit, string Output, string Error) Run(params string[] arguments)
    {
        var root = new RootCommand { VerifyReleaseCommand.Create() };
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var previousOut = Console.Out;
        var previousError = Console.Error;
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var parse = root.Parse(arguments);
            Assert.Empty(parse.Errors);
            var exit = parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }

    private static string FindEvidence()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var candidate = Path.Combine(directory, "evidence");
            if (File.Exists(Path.Combine(candidate, "mvps_pcap_receipt.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("evidence/ folder not found above the test binaries");
    }
}

/// <summary>Tests that redirect Console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
