using System.Globalization;
using Mvps.Build.Engine;
using Mvps.Release;

/// <summary>
/// Signed release artifacts: both captures, the receipt and the packages, with SHA256SUMS, a detached
/// signature and a DSSE-wrapped in-toto/SLSA provenance statement; and their offline verification.
/// </summary>
partial class Build
{
    /// <summary>Environment variable holding the release signing key (PEM), the CI secret of real releases.</summary>
    const string SigningKeyVariable = "MVPS_RELEASE_KEY";

    [Parameter("PEM file of the ECDSA P-256 release signing key. Without it (and without MVPS_RELEASE_KEY) a throwaway key in .nuke/temp signs the release.")]
    [Secret]
    readonly string? SigningKeyFile = null;

    [Parameter("Release folder to verify (default artifacts/release).")]
    readonly string? ReleaseDirectoryToVerify = null;

    [Parameter("Public key (PEM) to verify a release with (default: the release's own mvps-release.pub, which only proves integrity, not origin).")]
    readonly string? PublicKeyFile = null;

    AbsolutePath ReleaseDirectory => ArtifactsDirectory / "release";

    Target Release => _ => _
        .Description("Builds artifacts/release: captures, receipt, packages, SHA256SUMS (+ .sig), mvps.intoto.jsonl, mvps-release.pub.")
        .DependsOn(Evidence, Pack)
        .Executes(() =>
        {
            if (Directory.Exists(ReleaseDirectory))
            {
                Directory.Delete(ReleaseDirectory, recursive: true);
            }

            Directory.CreateDirectory(ReleaseDirectory);
            foreach (var name in EvidenceFiles)
            {
                File.Copy(EvidenceDirectory / name, ReleaseDirectory / name);
            }

            foreach (var package in Directory.GetFiles(PackagesDirectory, "*.nupkg").Order(StringComparer.Ordinal))
            {
                File.Copy(package, ReleaseDirectory / Path.GetFileName(package));
            }

            // The report page, listing the release files above with size and SHA-256, is signed as a subject like them.
            RunMvps("report", "--evidence", ReleaseDirectory, "--release", ReleaseDirectory, "--out", ReleaseDirectory / ReleaseReportPage);

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

    Target VerifyRelease => _ => _
        .Description("Checks a release from scratch: SHA256SUMS, provenance subjects, DSSE and detached signatures, the captures against the receipt, and the packaged mvps tool installed from the release.")
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
            ProcessTasks.StartProcess(toolPath / "mvps", ["verify", "--strict", .. CaptureFiles.Select(name => (string)(folder / name)), "--receipt", folder / Mvps.Evidence.Receipt.ReceiptWriter.FileName, "--quiet"], RootDirectory);
            ReportSummary($"release verified, packaged mvps {version} verifies the evidence");
        });

    [Parameter("Source repository URL recorded in the provenance and the packages (default: the git remote origin, as https).")]
    readonly string? RepositoryUrlOverride = null;

    string? _repositoryUrl;

    /// <summary>The repository the release is built from: --repository-url-override, else git's remote origin (ssh forms as https).</summary>
    string RepositoryUrl => _repositoryUrl ??= RepositoryUrlOverride ?? RepositoryUrls.FromGitRemote(RootDirectory)
        ?? throw new BuildException("No git remote origin to name the source repository: pass --repository-url-override URL.");
}
