using System.Text;
using System.Text.Json.Nodes;

namespace Mvps.Release.Tests;

/// <summary>
/// `mvps verify-release` (the real CLI, in a subprocess) on release folders holding what a release never
/// should: symlinks to /dev/zero, FIFOs, oversized metadata, huge names, a receipt with null members.
/// Each run finishes with a one-line problem per file and exit 1, or exit 2 for an unusable public key.
/// A release is a flat folder of regular files: links in it are never followed.
/// </summary>
public sealed class HostileReleaseTests
{
    /// <summary>Only a guard against a hang (a FIFO opened for reading blocks forever); no run comes near it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    public static TheoryData<string, Action<string>, string> Folders => new()
    {
        { "SHA256SUMS a symlink to /dev/zero", f => Replace(f, "SHA256SUMS", p => File.CreateSymbolicLink(p, "/dev/zero")), "FAILED SHA256SUMS: is a symbolic link, not a regular file" },
        { "SHA256SUMS a FIFO", f => Replace(f, "SHA256SUMS", p => Mkfifo(p)), "FAILED SHA256SUMS: is a FIFO (named pipe), not a regular file" },
        { "SHA256SUMS.sig a symlink to /dev/zero", f => Replace(f, "SHA256SUMS.sig", p => File.CreateSymbolicLink(p, "/dev/zero")), "FAILED SHA256SUMS.sig: is a symbolic link" },
        { "mvps-release.pub a symlink to /dev/zero", f => Replace(f, "mvps-release.pub", p => File.CreateSymbolicLink(p, "/dev/zero")), "FAILED mvps-release.pub: is a symbolic link" },
        { "mvps.intoto.jsonl a FIFO", f => Replace(f, "mvps.intoto.jsonl", p => Mkfifo(p)), "FAILED mvps.intoto.jsonl: is a FIFO" },
        { "a listed capture a symlink to /dev/zero", f => Replace(f, "mvps_ddos.pcap", p => File.CreateSymbolicLink(p, "/dev/zero")), "FAILED mvps_ddos.pcap: is a symbolic link, not a regular file" },
        { "a listed capture a symlink to its own copy", f => LinkToCopy(f, "mvps_ddos.pcap"), "FAILED mvps_ddos.pcap: listed in SHA256SUMS but not a regular file" },
        { "the receipt a FIFO", f => Replace(f, "mvps_pcap_receipt.json", p => Mkfifo(p)), "FAILED mvps_pcap_receipt.json: is a FIFO" },
        { "an unlisted FIFO", f => Mkfifo(Path.Combine(f, "extra.pcap")), "FAILED extra.pcap: is a FIFO (named pipe), not a regular file" },
        { "an unlisted socket-like device link", f => File.CreateSymbolicLink(Path.Combine(f, "notes.txt"), "/dev/null"), "FAILED notes.txt: is a symbolic link" },
        { "SHA256SUMS with a 2 MiB line", f => File.AppendAllText(Path.Combine(f, "SHA256SUMS"), new string('0', 64) + "  " + new string('n', 2 << 20) + "\n"), "FAILED SHA256SUMS: is larger than the 1 MiB a release's SHA256SUMS may be" },
        { "mvps.intoto.jsonl of 5 MiB", f => File.AppendAllText(Path.Combine(f, "mvps.intoto.jsonl"), new string(' ', 5 << 20)), "FAILED mvps.intoto.jsonl: is larger than the 4 MiB a release's mvps.intoto.jsonl may be" },
        { "SHA256SUMS.sig of 1 GiB, sparse", f => new FileStream(Path.Combine(f, "SHA256SUMS.sig"), FileMode.Truncate).Using(s => s.SetLength(1L << 30)), "FAILED SHA256SUMS.sig: is larger than the 4 KiB" },
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_release_with_a_special_or_oversized_file_fails_naming_it(string what, Action<string> damage, string expected)
    {
        using var release = EvidenceRelease();
        damage(release.Folder);

        var (exit, output, error) = RunCli("verify-release", release.Folder, "--public-key", release.PublicKeyPath);

        Assert.True(exit == 1, $"{what}: exit {exit}\n{output}\n{error}");
        Assert.Contains(expected, output);
        Assert.DoesNotContain("   at ", error);
        Assert.All(output.Split('\n'), line => Assert.True(line.Length < 1000, $"{what}: a line of {line.Length} characters"));
    }

    [Fact]
    public void A_huge_name_in_SHA256SUMS_is_printed_cut()
    {
        using var release = EvidenceRelease();
        var name = new string('n', 300_000);
        File.AppendAllText(release.PathOf("SHA256SUMS"), new string('0', 64) + "  " + name + "\n");

        var (exit, output, _) = RunCli("verify-release", release.Folder, "--public-key", release.PublicKeyPath);

        Assert.Equal(1, exit);
        Assert.Contains("... (300000 characters)", output);
        Assert.True(output.Length < 10_000, $"{output.Length} characters of output");
    }

    [Fact]
    public void A_validly_signed_release_whose_receipt_has_a_null_file_fails_on_one_line()
    {
        var receipt = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Evidence("mvps_pcap_receipt.json")))!.AsObject();
        receipt["captures"]![1]!["file"] = null;
        using var release = EvidenceRelease(folder => File.WriteAllText(Path.Combine(folder, "mvps_pcap_receipt.json"), receipt.ToJsonString(), new UTF8Encoding(false)));

        var (exit, output, error) = RunCli("verify-release", release.Folder, "--public-key", release.PublicKeyPath);

        Assert.True(exit == 1, output + error);
        Assert.Contains("FAILED mvps_pcap_receipt.json: ", output);
        Assert.Contains("mvps_pcap_receipt.json: malformed receipt: capture entry 1: \"file\" is null, not a string", output);
        Assert.DoesNotContain("FAILED SHA256SUMS", output); // the signatures themselves verify
        Assert.Empty(error);
    }

    public static TheoryData<string, Func<string, string>, string> PublicKeys => new()
    {
        // Read like a file, at most limit + 1 bytes; a pipe with a writer is a normal input (PublicKeyPipeTests).
        { "/dev/zero", _ => "/dev/zero", "larger than the 64 KiB limit for a public key file" },
        { "a symlink to /dev/zero", t => Link(t, "/dev/zero"), "larger than the 64 KiB limit for a public key file" },
        { "a sparse 1 GiB file", t => new FileStream(Path.Combine(t, "big.pub"), FileMode.CreateNew).Using(s => s.SetLength(1L << 30)), "larger than the 64 KiB limit for a public key file" },
    };

    [Theory]
    [MemberData(nameof(PublicKeys))]
    public void A_public_key_that_is_not_a_small_regular_file_is_unusable_input(string what, Func<string, string> make, string expected)
    {
        using var release = EvidenceRelease();
        var key = make(release.Temp.Path);

        var (exit, output, error) = RunCli("verify-release", release.Folder, "--public-key", key);

        Assert.True(exit == 2, $"{what}: exit {exit}\n{output}\n{error}");
        Assert.Contains(expected, error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("dotnet \"$MVPS\" verify-release \"$RELEASE\" --public-key <(cat \"$KEY\")")]
    [InlineData("dotnet \"$MVPS\" verify-release \"$RELEASE\" --public-key /dev/stdin < \"$KEY\"")]
    [InlineData("cat \"$KEY\" | dotnet \"$MVPS\" verify-release \"$RELEASE\" --public-key /dev/stdin")]
    public void A_public_key_from_a_pipe_or_stdin_verifies(string commandLine)
    {
        // Issue 20: pipes are normal inputs; the key is read like a file, at most its limit + 1 bytes.
        using var release = EvidenceRelease();
        var (exit, output, error) = RunBash(commandLine, new Dictionary<string, string>
        {
            ["MVPS"] = Path.Combine(AppContext.BaseDirectory, "mvps.dll"),
            ["RELEASE"] = release.Folder,
            ["KEY"] = release.PublicKeyPath,
        });

        Assert.True(exit == 0, output + error);
        Assert.Contains("signatures verify with key", output);
    }

    private static TestRelease EvidenceRelease(Action<string>? beforeSigning = null)
    {
        var release = TestRelease.Create(sign: false);
        foreach (var file in Directory.GetFiles(release.Folder))
        {
            File.Delete(file);
        }

        foreach (var name in new[] { "mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json" })
        {
            File.Copy(RepositoryRoot.Evidence(name), release.PathOf(name));
        }

        beforeSigning?.Invoke(release.Folder);
        release.Sign();
        return release;
    }

    private static void Replace(string folder, string name, Action<string> make)
    {
        File.Delete(Path.Combine(folder, name));
        make(Path.Combine(folder, name));
    }

    /// <summary>The file moved out of the folder and a link to it left in its place: same bytes, but not a regular file.</summary>
    private static void LinkToCopy(string folder, string name)
    {
        var copy = Path.Combine(Path.GetDirectoryName(folder)!, name + ".copy");
        File.Move(Path.Combine(folder, name), copy);
        File.CreateSymbolicLink(Path.Combine(folder, name), copy);
    }

    private static string Link(string folder, string target)
    {
        var path = Path.Combine(folder, "link.pub");
        File.CreateSymbolicLink(path, target);
        return path;
    }

    private static string Mkfifo(string path)
    {
        ExternalProgram.Run("mkfifo", path).AssertSuccess();
        return path;
    }

    /// <summary>A command line that hangs fails the test after <see cref="HangGuard"/>, killed with its children.</summary>
    private static ProcessResult RunBash(string commandLine, IReadOnlyDictionary<string, string> environment) =>
        ExternalProgram.Run("bash", ["-c", commandLine], environment: environment, hangLimit: HangGuard);

    private static ProcessResult RunCli(params string[] arguments) =>
        ExternalProgram.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "mvps.dll"), .. arguments], hangLimit: HangGuard);
}

internal static class StreamUsing
{
    /// <summary>Runs <paramref name="action"/> on a stream and closes it; returns its path.</summary>
    public static string Using(this FileStream stream, Action<FileStream> action)
    {
        using (stream)
        {
            action(stream);
            return stream.Name;
        }
    }
}
