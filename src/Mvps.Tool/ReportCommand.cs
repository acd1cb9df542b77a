using System.CommandLine;
using System.Text;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.Evidence.Analysis;
using Mvps.Evidence.Receipt;
using Mvps.Evidence.Regimes;
using Mvps.IO;
using Mvps.Release;
using Mvps.Tool.Report;

namespace Mvps.Tool;

/// <summary>`mvps report`: the evidence report page (and optionally the analysis JSON), reproducible byte for byte.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var evidence = new Option<string>("--evidence") { Description = "Folder with mvps_baseline.pcap, mvps_ddos.pcap and mvps_pcap_receipt.json", Required = true };
        var output = new Option<string>("--out") { Description = "The HTML file to write", Required = true };
        var analysisJson = new Option<string?>("--analysis-json") { Description = "Also write `mvps analyze --json` of the DDoS capture against the baseline to this file" };
        var runs = new Option<string[]>("--run") { Description = "NAME=FOLDER of an evidence run for the determinism matrix (repeatable)", AllowMultipleArgumentsPerToken = false };
        var notRun = new Option<string[]>("--not-run") { Description = "NAME=WHY of an evidence run this machine did not make, listed in the determinism matrix with what would make it (repeatable)", AllowMultipleArgumentsPerToken = false };
        var release = new Option<string?>("--release") { Description = "Release folder: list its files (with size and SHA-256) under Downloads" };
        var alpha = AlphaOption.Create("False-alarm probability of the T² threshold");
        var keys = new KeyOptions();
        var command = new Command("report", "Write the evidence report page: one self-contained HTML file with inline SVG charts")
        {
            evidence, output, analysisJson, runs, notRun, release, alpha, keys.File, keys.Environment,
        };
        command.SetAction(parse => Run(parse.GetValue(evidence)!, parse.GetValue(output)!, parse.GetValue(analysisJson), parse.GetValue(runs) ?? [],
            parse.GetValue(notRun) ?? [], parse.GetValue(release), parse.GetValue(alpha), parse.GetValue(keys.File), parse.GetValue(keys.Environment)));
        return command;
    }

    private static int Run(string evidenceFolder, string outputPath, string? analysisJsonPath, string[] runSpecs, string[] notRunSpecs, string? releaseFolder, double alpha, string? keyFile, string? keyEnv)
    {
        AlphaOption.Require(alpha);

        if (!Directory.Exists(evidenceFolder))
        {
            throw new UsageException($"{evidenceFolder}: no such folder");
        }

        foreach (var name in ReportPage.EvidenceFiles)
        {
            InputFiles.RequireCapture(Path.Combine(evidenceFolder, name));
        }

        var runs = new List<ReportRun>();
        foreach (var spec in runSpecs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == spec.Length - 1)
            {
                throw new UsageException($"--run {spec}: give NAME=FOLDER");
            }

            var folder = spec[(equals + 1)..];
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"--run {spec}: {folder}: no such folder");
            }

            runs.Add(new ReportRun(spec[..equals], folder, RunSettings.Variations(folder)));
        }

        var notMade = new List<(string Name, string Why)>();
        foreach (var spec in notRunSpecs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == spec.Length - 1)
            {
                throw new UsageException($"--not-run {spec}: give NAME=WHY");
            }

            notMade.Add((spec[..equals], spec[(equals + 1)..]));
        }

        if (releaseFolder is not null && !Directory.Exists(releaseFolder))
        {
            throw new UsageException($"--release {releaseFolder}: no such folder");
        }

        var key = KeySource.Load(keyFile, keyEnv);
        using var authenticator = new FrameAuthenticator(key);
        var baseline = Load(evidenceFolder, RegimeProfile.Baseline.FileName, authenticator);
        var ddos = Load(evidenceFolder, RegimeProfile.Ddos.FileName, authenticator);
        var analyzer = new MahalanobisAnalyzer(baseline, alpha);
        var baselineScore = analyzer.ScoreReference();
        var ddosScore = analyzer.Score(ddos);

        var downloads = new List<(string Name, long Bytes, string Sha256)>();
        foreach (var name in ReportPage.EvidenceFiles)
        {
            var path = Path.Combine(evidenceFolder, name);
            downloads.Add((name, new FileInfo(path).Length, Sha256Text.OfFile(path)));
        }

        if (releaseFolder is not null)
        {
            var pageName = Path.GetFileName(outputPath);
            foreach (var path in Directory.GetFiles(releaseFolder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                // Regular files only, links not followed (a release is a flat folder of regular files): a FIFO or a
                // link to /dev/zero is not a download and must not hang the page.
                if (name != pageName && !name.StartsWith('.') && !ReleaseFileNames.IsMetadata(name) && downloads.All(d => d.Name != name)
                    && FileKind.Of(path, followLinks: false) == FileKindValue.Regular)
                {
                    downloads.Add((name, new FileInfo(path).Length, Sha256Text.OfFile(path)));
                }
            }
        }

        string[] matrixFiles = [.. ReportPage.EvidenceFiles, ReportFileNames.Analysis, ReportFileNames.Page];
        var page = ReportPage.Build(
            [(RegimeProfile.Baseline, baselineScore), (RegimeProfile.Ddos, ddosScore)],
            analyzer, evidenceFolder, downloads, runs, matrixFiles, notMade);
        AtomicFile.Write(outputPath, stream => stream.Write(new UTF8Encoding(false).GetBytes(page)));
        Console.Out.WriteLine($"{outputPath}: report page, {new FileInfo(outputPath).Length} bytes");

        if (analysisJsonPath is not null)
        {
            AtomicFile.Write(analysisJsonPath, stream => AnalysisJsonWriter.Write(stream, analyzer, baselineScore, [ddosScore]));
            Console.Out.WriteLine($"{analysisJsonPath}: analysis of {RegimeProfile.Ddos.FileName} against {RegimeProfile.Baseline.FileName}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>Named by file name only, so the page and the JSON do not depend on where the folder is.</summary>
    private static CaptureObservations Load(string folder, string name, FrameAuthenticator authenticator)
    {
        using var stream = new FileStream(Path.Combine(folder, name), FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = CaptureReader.Open(stream, name);
        return CaptureObservations.Read(reader, authenticator);
    }
}
