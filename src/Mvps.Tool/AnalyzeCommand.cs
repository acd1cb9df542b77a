using System.CommandLine;
using System.Text;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.Evidence.Analysis;
using Mvps.Evidence.Regimes;

namespace Mvps.Tool;

/// <summary>`mvps analyze`: Mahalanobis D² of every frame against a reference capture, with the T² alarm threshold.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("CAPTURE") { Description = "Capture files to score (pcap or pcapng; - for standard input)", Arity = ArgumentArity.OneOrMore };
        var reference = new Option<string?>("--reference") { Description = "Reference capture (default: mvps_baseline.pcap beside the first capture)" };
        var alpha = AlphaOption.Create("False-alarm probability per frame of the T² threshold");
        var json = new Option<bool>("--json") { Description = "One JSON document: the model, every frame's D², the bundle per tick" };
        var keys = new KeyOptions();
        var command = new Command("analyze", "Score every frame's coherence vector by Mahalanobis D² against a reference capture (exit 0 when scored, 2 unusable input)")
        {
            files, reference, alpha, json, keys.File, keys.Environment,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(reference), parse.GetValue(alpha), parse.GetValue(json), parse.GetValue(keys.File), parse.GetValue(keys.Environment)));
        return command;
    }

    private static int Run(string[] files, string? referencePath, double alpha, bool asJson, string? keyFile, string? keyEnv)
    {
        AlphaOption.Require(alpha);

        referencePath ??= DefaultReference(files[0]);
        if (files.Count(f => f == InputFiles.StandardInput) + (referencePath == InputFiles.StandardInput ? 1 : 0) > 1)
        {
            throw new UsageException("standard input (-) can be read only once");
        }

        var key = KeySource.Load(keyFile, keyEnv);
        using var authenticator = new FrameAuthenticator(key);
        var referenceFrames = Load(referencePath, authenticator);
        var analyzer = new MahalanobisAnalyzer(referenceFrames, alpha);
        var referenceScore = analyzer.ScoreReference();
        var targets = new List<CaptureScore>();
        foreach (var file in files)
        {
            targets.Add(file == referencePath ? referenceScore : analyzer.Score(Load(file, authenticator)));
        }

        using var stdout = Console.OpenStandardOutput();
        if (asJson)
        {
            AnalysisJsonWriter.Write(stdout, analyzer, referenceScore, targets);
        }
        else
        {
            var text = Encoding.UTF8.GetBytes(AnalysisTextWriter.Format(analyzer, referenceScore, targets));
            stdout.Write(text);
        }

        return ExitCodes.Ok;
    }

    /// <summary>The reference the default names: the baseline capture generated with the same seed, which `generate` writes beside the DDoS one.</summary>
    private static string DefaultReference(string firstCapture)
    {
        if (firstCapture == InputFiles.StandardInput)
        {
            throw new UsageException("reading a capture from standard input needs --reference");
        }

        var folder = Path.GetDirectoryName(firstCapture) ?? "";
        var candidate = folder.Length == 0 ? RegimeProfile.Baseline.FileName : Path.Combine(folder, RegimeProfile.Baseline.FileName);
        if (!File.Exists(candidate))
        {
            throw new UsageException($"{firstCapture}: no {RegimeProfile.Baseline.FileName} beside it to use as the reference; give --reference");
        }

        return candidate;
    }

    private static CaptureObservations Load(string path, FrameAuthenticator authenticator)
    {
        using var reader = InputFiles.OpenCapture(path);
        return CaptureObservations.Read(reader, authenticator);
    }
}
