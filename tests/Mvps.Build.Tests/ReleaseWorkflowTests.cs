namespace Mvps.Build.Tests;

/// <summary>The publishing workflow's shape: a v* tag, a full clone, the release built and verified by the build with the secret key, attested, uploaded, least permissions.</summary>
public sealed class ReleaseWorkflowTests
{
    private static readonly string Workflow = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".github", "workflows", "release.yml"));

    [Fact]
    public void Runs_on_a_v_tag_with_a_full_clone_and_the_sdk_of_global_json()
    {
        TextAssert.ContainsAll(Workflow,
            "  push:\n    tags: [\"v*\"]\n",
            "fetch-depth: 0",
            "global-json-file: global.json");
        Assert.DoesNotContain("pull_request", Workflow);
    }

    [Fact]
    public void Builds_and_verifies_the_release_with_the_key_from_the_secret_against_the_committed_public_key()
    {
        TextAssert.ContainsAll(Workflow,
            "run: ./build.sh Release VerifyRelease --public-key-file keys/mvps-release.pub",
            "MVPS_RELEASE_KEY: ${{ secrets.MVPS_RELEASE_KEY }}");
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "keys", "mvps-release.pub")), "keys/mvps-release.pub is not committed");
        Assert.DoesNotContain("echo \"$MVPS_RELEASE_KEY\"", Workflow); // the key is never printed
    }

    [Fact]
    public void The_release_evidence_is_strict_every_run_the_platform_can_make_with_the_tools_installed_first()
    {
        // Release depends on Evidence; on GitHub (CI, GITHUB_ACTIONS) the default --runs auto requires every run, so no
        // --runs may weaken it, and .ci/run --install-only installs every run's tools (reprotest, qemu, clang, ...) before.
        Assert.DoesNotContain("--runs", Workflow);
        Assert.True(Workflow.IndexOf("run: sudo .ci/run --install-only", StringComparison.Ordinal) < Workflow.IndexOf("run: ./build.sh Release", StringComparison.Ordinal));
        var ciRun = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".ci", "run"));
        foreach (var tool in new[] { "reprotest", "faketime", "disorderfs", "qemu-aarch64-static", "clang" })
        {
            Assert.Contains($"command -v {tool}", ciRun);
            Assert.Matches($@"for tool in [^\n]*\b{tool}\b", ciRun); // and the final still-missing check names it
        }

        Assert.Contains("export CI=\"${CI:-true}\"", ciRun);
    }

    [Fact]
    public void Attests_and_uploads_every_released_file()
    {
        TextAssert.ContainsAll(Workflow,
            "uses: actions/attest-build-provenance@v2",
            "subject-path: artifacts/release/*",
            "gh release create \"$GITHUB_REF_NAME\" artifacts/release/*");
    }

    [Fact]
    public void Asks_for_no_permission_by_default_and_exactly_three_in_the_job()
    {
        Assert.Contains("\npermissions: {}\n", Workflow);
        var scopes = Workflow.Split('\n')
            .SkipWhile(line => line != "    permissions:")
            .Skip(1)
            .TakeWhile(line => line.StartsWith("      ", StringComparison.Ordinal))
            .Select(line => line.Trim().Split('#')[0].Trim())
            .ToList();
        Assert.Equal(["contents: write", "id-token: write", "attestations: write"], scopes);
    }
}
