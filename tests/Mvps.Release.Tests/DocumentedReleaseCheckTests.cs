using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Mvps.Release.Tests;

/// <summary>
/// docs/releases.md, "Checking a release offline", run exactly as written: every ```sh block of the section
/// under bash, from a folder holding a fresh clone of the repository (mvps-evidence/) and a signed release of
/// the committed evidence (release/). The test stands in for the key holder: it signs with its own key and
/// puts that key's public half into the clone's keys/mvps-release.pub, as the real secret's half is there.
/// </summary>
public sealed partial class DocumentedReleaseCheckTests : IDisposable
{
    private readonly TempFolder _workspace = new();
    private readonly ECDsa _privateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public DocumentedReleaseCheckTests()
    {
        Run("git", _workspace.Path, "clone", "--quiet", "--no-hardlinks", RepositoryRoot.Path, "mvps-evidence");
        File.WriteAllText(_workspace.File("mvps-evidence/keys/mvps-release.pub"), _privateKey.ExportSubjectPublicKeyInfoPem() + "\n");

        var release = _workspace.Sub("release");
        foreach (var name in new[] { "mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json" })
        {
            File.Copy(RepositoryRoot.Evidence(name), Path.Combine(release, name));
        }

        var pem = _workspace.File("signing-key.pem"); // outside release/, as the docs require
        File.WriteAllText(pem, _privateKey.ExportPkcs8PrivateKeyPem());
        using var key = SigningKey.Load(pem, null);
        ReleaseSigner.Sign(release, key, TestRelease.Provenance);

        // `mvps` on PATH, as the README's install leaves it: the tool this test project builds.
        var bin = _workspace.Sub("bin");
        var mvps = Path.Combine(AppContext.BaseDirectory, "mvps.dll");
        File.WriteAllText(Path.Combine(bin, "mvps"), $"#!/bin/sh\nexec dotnet \"{mvps}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(bin, "mvps"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose()
    {
        _privateKey.Dispose();
        _workspace.Dispose();
    }

    [ToolFact("bash", "git", "openssl", "sha256sum", "jq", "base64", "cmp")]
    public void Every_command_block_passes_as_written()
    {
        var blocks = CommandBlocks();
        Assert.Equal(3, blocks.Count);

        var output = string.Concat(blocks.Select(block =>
        {
            (var exit, var text) = Bash(block);
            Assert.True(exit == 0, $"exit {exit} from\n{block}\n{text}");
            return text;
        }));

        Assert.Equal(2, Regex.Matches(output, "^Verified OK$", RegexOptions.Multiline).Count);
        Assert.Equal(6, Regex.Matches(output, @"^mvps_(baseline\.pcap|ddos\.pcap|pcap_receipt\.json): OK$", RegexOptions.Multiline).Count);
        Assert.Contains("nothing unlisted\n", output);
        Assert.Contains("release/: OK, 3 file(s) match SHA256SUMS and the provenance", output);
        Assert.Contains("mvps_ddos.pcap: OK, 30 frames, receipt matches", output);
        Assert.DoesNotContain("release/check", output);
    }

    [ToolFact("bash", "git", "openssl", "sha256sum", "jq", "base64", "cmp")]
    public void The_same_commands_fail_on_a_tampered_capture_an_extra_file_and_another_key()
    {
        var blocks = CommandBlocks();
        var capture = File.ReadAllBytes(_workspace.File("release/mvps_ddos.pcap"));
        capture[200] ^= 0x10;
        File.WriteAllBytes(_workspace.File("release/mvps_ddos.pcap"), capture);
        File.WriteAllText(_workspace.File("release/pae.bin"), "left over\n");

        (var exit, var text) = Bash(blocks[0]);
        Assert.NotEqual(0, exit);
        Assert.Contains("mvps_ddos.pcap: FAILED", text);

        (_, var unlisted) = Bash("(cd release && ls -A | grep -vxF -e SHA256SUMS -e SHA256SUMS.sig -e mvps-release.pub -e mvps.intoto.jsonl | grep -vxF -f <(cut -c67- SHA256SUMS) || echo \"nothing unlisted\")");
        Assert.Equal("pae.bin\n", unlisted);

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(_workspace.File("mvps-evidence/keys/mvps-release.pub"), other.ExportSubjectPublicKeyInfoPem() + "\n");
        (var cmpExit, var differ) = Bash(blocks[0].Split('\n').First(line => line.StartsWith("cmp ", StringComparison.Ordinal)));
        Assert.Equal(1, cmpExit);
        Assert.Contains("differ", differ);
    }

    [ToolFact("bash", "git", "openssl", "sha256sum")]
    public void Making_the_release_key_keeps_the_private_half_outside_the_clone_and_the_id_command_prints_the_key_id()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "releases.md"));
        var section = doc.IndexOf("\n## Cutting a release\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "docs/releases.md has no section \"Cutting a release\"");
        List<string> blocks = [.. ShBlock().Matches(doc[section..]).Select(match => match.Groups[1].Value)];
        var clone = _workspace.File("mvps-evidence");

        // The key block's openssl lines, exactly as written, from the clone's root (gh needs the GitHub repository).
        string[] openssl = [.. blocks[0].Split('\n').Where(line => line.StartsWith("openssl ", StringComparison.Ordinal))];
        Assert.Equal(2, openssl.Length);
        (var exit, var text) = Bash(string.Join('\n', openssl), clone);
        Assert.True(exit == 0, text);
        Assert.True(File.Exists(_workspace.File("mvps-release.pem")), "the private key is written beside the clone");
        (var statusExit, var status) = Bash("git status --porcelain", clone);
        Assert.Equal(0, statusExit);
        Assert.Equal(" M keys/mvps-release.pub\n", status);

        var idBlock = blocks.Single(block => block.StartsWith("openssl pkey -pubin", StringComparison.Ordinal));
        (var idExit, var id) = Bash(idBlock, clone);
        Assert.Equal(0, idExit);
        using var key = ReleasePublicKey.Load(Path.Combine(clone, "keys", "mvps-release.pub"));
        Assert.Equal($"{key.KeyId}  -\n", id);
    }

    /// <summary>The ```sh blocks of "## Checking a release offline", up to the next level-2 heading.</summary>
    private static IReadOnlyList<string> CommandBlocks()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "releases.md"));
        var start = doc.IndexOf("\n## Checking a release offline\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/releases.md has no section \"Checking a release offline\"");
        var end = doc.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? doc[start..] : doc[start..end];
        return ShBlock().Matches(section).Select(match => match.Groups[1].Value).ToList();
    }

    /// <summary>A block under bash -euo pipefail, with the workspace's bin/ (the built mvps) first on PATH.</summary>
    private ProcessResult Bash(string script, string? workingDirectory = null) =>
        ExternalProgram.Run("bash", ["-euo", "pipefail", "-c", script], workingDirectory ?? _workspace.Path, pathPrefix: _workspace.File("bin"));

    private static void Run(string tool, string workingDirectory, params string[] arguments)
    {
        (var exit, var output) = ExternalProgram.Run(tool, arguments, workingDirectory: workingDirectory);
        Assert.True(exit == 0, $"{tool} {string.Join(' ', arguments)}: {output}");
    }

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShBlock();
}
