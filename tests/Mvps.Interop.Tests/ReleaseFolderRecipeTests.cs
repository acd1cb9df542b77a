using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>
/// The receipt's recipe where a reviewer has the files: a fresh `./build.sh Release` output copied to an
/// empty folder outside the clone. The mvps tool is installed from that folder alone (the step's `setup`,
/// as written: `--source .`, offline, into a global-tool folder of this test's own), then every
/// `validation` command runs exactly as written with bash in that folder and must print its
/// `expectedOutput`. With one byte of a capture flipped, exactly the steps that check those bytes fail.
/// docs/verify-independently.md's first two sections are run as written in the same kind of folder.
/// </summary>
public sealed class ReleaseFolderRecipeTests
{
    /// <summary>
    /// One byte of the baseline's frame 5 is flipped, inside C1 (frame offset 86): the file hash, the HMAC tag
    /// (checked by the Lua dissector, Python and mvps) and the receipt no longer hold for that capture. The
    /// file size, the packet count and the magic do, so capinfos and the magic filters still pass, and the
    /// ddos capture is untouched.
    /// </summary>
    private static readonly string[] FailAfterFlip = ["sha256", "lua-hmac-baseline", "python-hmac", "mvps-verify"];

    /// <summary>A safety net for the page's recipe runner, which starts all eleven steps in one script; not a timing assertion.</summary>
    private static readonly TimeSpan WholeRecipeHangLimit = TimeSpan.FromMinutes(15);

    private const int FlippedFrame = 5;
    private const int FlippedFrameOffset = 86;

    [ReleaseFolderFact("bash", "sha256sum", "capinfos", "tshark", "wc", "python3", "dotnet")]
    public void Every_validation_command_runs_as_written_in_a_copy_of_the_release_folder()
    {
        using var workspace = new ReleaseCopy();
        var steps = workspace.Receipt.Validation;
        Assert.Equal(EvidenceReceipt.CommittedReceipt.Validation, steps);

        workspace.RunSetups();
        var results = steps.Select(step => (step.Id, Result: workspace.Run(step.Command))).ToList();

        Assert.All(results.Zip(steps), pair => AssertPrints(pair.Second, pair.First.Result));
        Assert.Equal(workspace.ListingBefore, workspace.Listing());
    }

    [ReleaseFolderFact("bash", "sha256sum", "capinfos", "tshark", "wc", "python3", "dotnet")]
    public void After_one_flipped_capture_byte_exactly_the_steps_that_check_it_fail()
    {
        using var workspace = new ReleaseCopy();
        var baseline = Path.Combine(workspace.Release, EvidenceFiles.Baseline);
        File.Copy(CaptureMutation.FlipBits(baseline, FlippedFrame, FlippedFrameOffset, 0x01), baseline, overwrite: true);

        workspace.RunSetups();
        var failed = workspace.Receipt.Validation
            .Where(step => !Prints(step, workspace.Run(step.Command)))
            .Select(step => step.Id)
            .ToList();

        Assert.Equal(FailAfterFlip, failed);
    }

    [ReleaseFolderFact("bash", "sha256sum", "capinfos", "tshark", "wc", "python3", "dotnet")]
    public void The_documents_release_folder_sections_run_as_written_next_to_the_release_folder()
    {
        using var workspace = new ReleaseCopy();
        var script = string.Join('\n', DocumentedReleaseCommands());
        Assert.StartsWith("cd release\n", script, StringComparison.Ordinal);

        // The page's `export PATH="$PATH:$HOME/.dotnet/tools"` is what makes the global tool callable: no PATH prefix here.
        var result = workspace.RunInParent(script);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\nstdout: {result.StandardOutput}\nstderr: {result.StandardError}");
        Assert.Equal(
            workspace.Receipt.Validation.Select(step => "PASS " + step.Id),
            result.Lines.Where(line => line.StartsWith("PASS ", StringComparison.Ordinal) || line.StartsWith("FAIL ", StringComparison.Ordinal)));
        Assert.Equal(workspace.ListingBefore, workspace.Listing());
    }

    [ToolFact("bash", "sha256sum", "capinfos", "tshark", "wc", "python3", "dotnet")]
    public void The_documents_recipe_runner_passes_every_step_in_evidence()
    {
        var runner = DocumentedReleaseCommands().Single(block => block.StartsWith("python3 - <<'PY'", StringComparison.Ordinal));

        var result = ExternalProgram.Run("bash", ["-c", runner], RepositoryLayout.EvidenceDirectory, pathPrefix: MvpsCli.ShimDirectory, hangLimit: WholeRecipeHangLimit).AssertSuccess();

        Assert.Equal(EvidenceReceipt.CommittedReceipt.Validation.Select(step => "PASS " + step.Id), result.Lines);
    }

    private static bool Prints(ReceiptValidationStep step, ProcessResult result) =>
        result.ExitCode == 0 && Output(result) == step.ExpectedOutput;

    private static void AssertPrints(ReceiptValidationStep step, ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, $"step '{step.Id}' exited {result.ExitCode}\ncommand: {step.Command}\nstderr: {result.StandardError}");
        Assert.Equal(step.ExpectedOutput, Output(result));
    }

    private static string Output(ProcessResult result) =>
        result.StandardOutput.EndsWith('\n') ? result.StandardOutput[..^1] : result.StandardOutput;

    /// <summary>The ```sh and ```bash blocks of sections 1 and 2 of docs/verify-independently.md, in order.</summary>
    private static List<string> DocumentedReleaseCommands()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "verify-independently.md"));
        var start = document.IndexOf("\n## 1. ", StringComparison.Ordinal);
        var end = document.IndexOf("\n## 3. ", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/verify-independently.md has no sections 1 and 2 before 3");
        return [.. Markdown.FencedBlocks(document[start..end], "sh", "bash").Select(code => code.TrimEnd('\n'))];
    }

    /// <summary>
    /// An empty folder outside the clone holding `release/`, a flat copy of the release, and this test's own
    /// HOME (global tools, NuGet configuration) and NuGet package folder: a cached mvps of the same version
    /// from another run cannot stand in for the release's package, and no other feed is asked.
    /// </summary>
    private sealed class ReleaseCopy : IDisposable
    {
        private readonly TempFolder _temp = new();

        public ReleaseCopy()
        {
            var source = ReleaseFolderFactAttribute.Folder;
            Assert.True(Directory.Exists(source), $"{ReleaseFolderFactAttribute.Variable} names no folder: {source}");
            Assert.False(_temp.Path.StartsWith(RepositoryRoot.Path + Path.DirectorySeparatorChar, StringComparison.Ordinal), "the copy must lie outside the clone");
            Assert.Empty(Directory.GetDirectories(source));

            Release = _temp.Sub("release");
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(Release, Path.GetFileName(file)));
            }

            Assert.Single(Directory.GetFiles(Release, "mvps.*.nupkg"));
            Home = _temp.Sub("home");
            Receipt = EvidenceReceipt.Load(Path.Combine(Release, EvidenceFiles.Receipt));
            ListingBefore = Listing();
        }

        public string Release { get; }

        public string Home { get; }

        public EvidenceReceipt Receipt { get; }

        public IReadOnlyList<string> ListingBefore { get; }

        private string GlobalTools => Path.Combine(Home, ".dotnet", "tools");

        private Dictionary<string, string> Environment => new()
        {
            ["HOME"] = Home,
            ["DOTNET_CLI_HOME"] = Home,
            ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
            ["NUGET_PACKAGES"] = Path.Combine(_temp.Path, "nuget-packages"),
        };

        /// <summary>The file names and sizes in the release copy: the recipe must write nothing there.</summary>
        public IReadOnlyList<string> Listing() =>
            [.. Directory.GetFileSystemEntries(Release).Select(entry => $"{Path.GetFileName(entry)} {(File.Exists(entry) ? new FileInfo(entry).Length : -1)}").Order(StringComparer.Ordinal)];

        /// <summary>Every step's `setup`, as written, in the release copy; the tool it installs must be the release's package.</summary>
        public void RunSetups()
        {
            var setups = Receipt.Validation.Where(step => step.Setup is not null).ToList();
            Assert.NotEmpty(setups);
            var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(Release, "mvps.*.nupkg").Single())["mvps.".Length..];
            foreach (var step in setups)
            {
                var result = ExternalProgram.Run("bash", ["-c", step.Setup!], Release, environment: Environment);
                Assert.True(result.ExitCode == 0, $"setup of '{step.Id}' exited {result.ExitCode}\nsetup: {step.Setup}\nstdout: {result.StandardOutput}\nstderr: {result.StandardError}");
                Assert.Contains($"Tool 'mvps' (version '{version}') was successfully installed.", result.StandardOutput);
            }

            Assert.True(File.Exists(Path.Combine(GlobalTools, "mvps")), $"no mvps in {GlobalTools} after the setup");
        }

        /// <summary>One recipe command, as written, with bash in the release copy and the global tools on PATH.</summary>
        public ProcessResult Run(string command) =>
            ExternalProgram.Run("bash", ["-c", command], Release, pathPrefix: GlobalTools, environment: Environment);

        /// <summary>A script, as written, with bash in the folder that holds `release/` (no PATH prefix).</summary>
        public ProcessResult RunInParent(string script) =>
            ExternalProgram.Run("bash", ["-e", "-c", script], _temp.Path, environment: Environment, hangLimit: WholeRecipeHangLimit);

        public void Dispose() => _temp.Dispose();
    }
}
