using Mvps.Build.Engine;
using Mvps.Evidence.Analysis;
using Mvps.Evidence.Receipt;
using Mvps.Evidence.Regimes;
using Mvps.IO;
using Mvps.Release;

namespace Mvps.Build.Determinism;

/// <summary>
/// One evidence run's folder, artifacts/runs/NAME: what the run's generator wrote (the evidence files, the report page
/// and the analysis JSON), the settings.json it ran under, and SHA256SUMS over the evidence files.
/// </summary>
internal static class RunFolder
{
    /// <summary>The files `mvps generate` writes, i.e. what evidence/ must hold exactly; the names come from their owners.</summary>
    public static readonly IReadOnlyList<string> EvidenceFiles = [.. RegimeProfile.All.Select(profile => profile.FileName), ReceiptWriter.FileName];

    /// <summary>The captures among <see cref="EvidenceFiles"/>.</summary>
    public static IEnumerable<string> CaptureFiles => RegimeProfile.All.Select(profile => profile.FileName);

    /// <summary>What each run writes besides the evidence files, compared run against run (evidence/ holds neither): the analysis JSON, then the page.</summary>
    public static readonly IReadOnlyList<string> ReportFiles = [ReportFileNames.Analysis, ReportFileNames.Page];

    /// <summary>
    /// Runs the generator of <paramref name="run"/> into <paramref name="folder"/> (emptied first) under the run's
    /// working directory, environment and umask: `generate`, then `report`; then settings.json and SHA256SUMS.
    /// </summary>
    public static void Make(EvidenceRun run, ToolLauncher launcher, AbsolutePath folder, AbsolutePath rootDirectory, AbsolutePath temporaryDirectory)
    {
        Recreate(folder);
        var workingDirectory = run.OwnWorkingDirectory ? (string)(temporaryDirectory / ("run-" + run.Name)) : rootDirectory;
        Directory.CreateDirectory(workingDirectory);
        var environment = run.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value.Replace("{temp}", workingDirectory, StringComparison.Ordinal));
        launcher.Run(["generate", "--out", folder, "--quiet"], workingDirectory, environment, run.Umask);
        launcher.Run(["report", "--evidence", folder, "--out", folder / ReportFileNames.Page, "--analysis-json", folder / ReportFileNames.Analysis], workingDirectory, environment, run.Umask);
        RunSettingsFile.Write(folder / RunSettingsFile.FileName, run, launcher.Description,
            workingDirectory == rootDirectory ? "repository root" : ".nuke/temp/run-" + run.Name,
            OperatingSystem.IsWindows() ? "not applicable (Windows)" : run.Umask, run.Variations);
        WriteChecksums(folder);
    }

    /// <summary>Deletes <paramref name="folder"/> if it exists and creates it empty: nothing of an earlier build may look current.</summary>
    public static void Recreate(AbsolutePath folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    /// <summary>SHA256SUMS over the run's evidence files, as a release folder has it.</summary>
    public static void WriteChecksums(AbsolutePath folder) =>
        AtomicFile.WriteAllText(folder / ReleaseFileNames.Checksums, Sha256Sums.Format(Sha256Sums.Compute(folder, EvidenceFiles)));

    /// <summary>Frames in the captures of a run, counted from the file size with the capture layout's record sizes.</summary>
    public static long FrameCount(AbsolutePath folder) =>
        CaptureFiles.Sum(name => (new FileInfo(folder / name).Length - Mvps.Codec.Capture.PcapWriter.FileHeaderLength)
            / (Mvps.Codec.Capture.PcapWriter.RecordHeaderLength + Mvps.Codec.Wire.FieldLengths.Frame));
}
