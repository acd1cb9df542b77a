using System.Globalization;
using Mvps.Build.Determinism;
using Mvps.Build.Engine;
using Mvps.Evidence.Analysis;
using Mvps.Release;

/// <summary>
/// Signed release artifacts: both captures, the receipt, its schema, the Lua dissector and the packages, with
/// SHA256SUMS, a detached signature and a DSSE-wrapped in-toto/SLSA provenance statement; and their offline
/// verification. The folder is self-contained for the receipt's recipe: every `validation` command runs in it
/// as written (docs/verify-independently.md).
/// </summary>
internal sealed partial class Build
{
    /// <summary>Environment variable holding the release signing key (PEM), the CI secret of real releases.</summary>
    private const string SigningKeyVariable = "MVPS_RELEASE_KEY";

    [Parameter("PEM file of the ECDSA P-256 release signing key. Without it (and without MVPS_RELEASE_KEY) a throwaway key in .nuke/temp signs the release.")]
    [Secret]
    private readonly string? SigningKeyFile = null;

    [Parameter("Release folder to verify (default artifacts/release).")]
    private readonly string? ReleaseDirectoryToVerify = null;

    [Parameter("Public key (PEM) to verify a release with (default: the release's own mvps-release.pub, which only proves integrity, not origin).")]
    private readonly string? PublicKeyFile = null;

    private AbsolutePath ReleaseDirectory => ArtifactsDirectory / "release";

    /// <summary>
    /// What a release takes from evidence/: the generated captures and receipt, the schema the receipt's
    /// "$schema" names, and the Lua dissector its recipe loads (`-X lua_script:mvps_dissector.lua`).
    /// </summary>
    private static readonly string[] ReleasedEvidenceFiles = [.. RunFolder.EvidenceFiles, Mvps.Evidence.Receipt.ReceiptWriter.SchemaFileName, Mvps.Evidence.Receipt.ValidationRecipe.DissectorFileName];

    private Target Release => _ => _
        .Description("Builds artifacts/release: captures, receipt, receipt schema, Lua dissector, packages, SHA256SUMS (+ .sig), mvps.intoto.jsonl, mvps-release.pub.")
        .DependsOn(Evidence, Pack)
        .Executes(() =>
        {
            if (Directory.Exists(ReleaseDirectory))
            {
                Directory.Delete(ReleaseDirectory, recursive: true);
            }

            Directory.CreateDirectory(ReleaseDirectory);
            foreach (var name in ReleasedEvidenceFiles)
            {
                File.Copy(EvidenceDirectory / name, ReleaseDirectory / name);
            }

            foreach (var package in Directory.GetFiles(PackagesDirectory, "*.nupkg").Order(StringComparer.Ordinal))
            {
                File.Copy(package, ReleaseDirectory / Path.GetFileName(package));
            }

            // The report page, listing the release files above with size and SHA-256, is signed as a subject like them.
            RunMvps("report", "--evidence", ReleaseDirectory, "--release", ReleaseDirectory, "--out", ReleaseDirectory / ReportFileNames.Page);

            using var key = SigningKey.Load(SigningKeyFile, SigningKeyVariable, TemporaryDirectory);
            if (key.IsEphemeral)
            {
                Log.Warning("*** This release is signed with a THROWAWAY key (no --signing-key-file, no MVPS_RELEASE_KEY). It proves integrity only; do not publish it. The provenance says so. ***");
            }

            var provenance = new ProvenanceInputs("Release", GitVersion.SemVer, "git+" + RepositoryUrl, GitVersion.Sha)
            {
                SourceDateEpoch = SourceDateEpoch.FromEnvironment() ?? GitVersion.CommitTime,
                ExternalParameters = new Dictionary<string, string>
                {
                    ["configuration"] = Configuration.ToString(),
                    ["evidenceRuns"] = string.Join(' ', SelectedRuns.Select(run => run.Name)),
                },
            };
            var result = ReleaseSigner.Sign(ReleaseDirectory, key, provenance, log: message => Log.Information(message));
            ReportSummary(string.Create(CultureInfo.InvariantCulture,
                $"{result.Files.Count} files signed{(key.IsEphemeral ? " with a throwaway key" : "")}, key {result.KeyId[..16]}"));
        });

    private Target VerifyRelease => _ => _
        .Description("Checks a release from scratch: SHA256SUMS, provenance subjects, DSSE and detached signatures, the captures against the receipt, the packaged mvps tool installed from the release, and the receipt's recipe run as written in a copy of the folder.")
        .After(Release)
        .Executes(() =>
        {
            var folder = ReleaseDirectoryToVerify is null ? ReleaseDirectory : AbsolutePath.Create(Path.GetFullPath(ReleaseDirectoryToVerify));
            var publicKey = PublicKeyFile ?? (string)(folder / ReleaseFileNames.PublicKey);

            // 1. Signatures, digests and captures, with the tool built from this commit.
            RunMvps("verify-release", folder, "--public-key", publicKey);

            // 2. The packaged tool, installed from the release folder as a user would, verifies the evidence too.
            var toolPath = TemporaryDirectory / "release-tool";
            if (Directory.Exists(toolPath))
            {
                Directory.Delete(toolPath, recursive: true);
            }

            var package = Directory.GetFiles(folder, "mvps.*.nupkg").Single();
            var version = Path.GetFileNameWithoutExtension(package)["mvps.".Length..];
            new DotNet("tool", "install") { Extra = ["mvps", "--tool-path", toolPath, "--add-source", folder, "--version", version, "--ignore-failed-sources"] }.Run(RootDirectory);
            new ToolLauncher(toolPath / "mvps", [], "the installed dotnet tool").Run(["verify", "--strict", .. RunFolder.CaptureFiles.Select(name => (string)(folder / name)), "--receipt", folder / Mvps.Evidence.Receipt.ReceiptWriter.FileName, "--quiet"], RootDirectory);

            // 3. The receipt's recipe where a reviewer has the files: the tests that copy this folder outside the
            //    clone, install the tool from it alone and run every validation command as written (and again on
            //    a flipped byte). None may be skipped here: a missing program fails the release check.
            var counts = RunReleaseFolderTests(folder);
            ReportSummary($"release verified, packaged mvps {version} verifies the evidence, the receipt's recipe runs in the folder ({counts.Passed} tests)");
        });

    /// <summary>tests/Mvps.Interop.Tests' ReleaseFolderRecipeTests on <paramref name="folder"/> (MVPS_RELEASE_FOLDER); fails on a failed or skipped test.</summary>
    private TestCounts RunReleaseFolderTests(AbsolutePath folder)
    {
        var results = TemporaryDirectory / "release-folder-tests";
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        new DotNet("test", RootDirectory / "tests" / "Mvps.Interop.Tests" / "Mvps.Interop.Tests.csproj")
        {
            Configuration = Configuration,
            Extra = ["--filter", "FullyQualifiedName~Mvps.Interop.Tests.ReleaseFolderRecipeTests", "--logger", "trx;LogFileName=release-folder.trx", "--results-directory", results],
        }.Run(RootDirectory, new Dictionary<string, string?> { ["MVPS_RELEASE_FOLDER"] = folder }, throwOnFailure: false);
        var counts = TestCounts.FromTrxFiles([results / "release-folder.trx"]);
        if (counts.Failed > 0 || counts.Skipped > 0 || counts.Passed == 0)
        {
            throw new BuildException($"the receipt's recipe in the release folder: {counts}{string.Concat(counts.FailedTests.Concat(counts.SkippedTests).Select(name => "; " + name))}");
        }

        return counts;
    }

    [Parameter("Source repository URL recorded in the provenance and the packages (default: the git remote origin, as https).")]
    private readonly string? RepositoryUrlOverride = null;

    private string? _repositoryUrl;

    /// <summary>The repository the release is built from: --repository-url-override, else git's remote origin (ssh forms as https).</summary>
    private string RepositoryUrl => _repositoryUrl ??= RepositoryUrlOverride ?? RepositoryUrls.FromGitRemote(RootDirectory)
        ?? throw new BuildException("No git remote origin to name the source repository: pass --repository-url-override URL.");
}
