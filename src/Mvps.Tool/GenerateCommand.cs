using System.CommandLine;
using Mvps.Codec.Wire;
using Mvps.Evidence.Receipt;
using Mvps.Evidence.Regimes;
using Mvps.IO;

namespace Mvps.Tool;

/// <summary>`mvps generate`: the evidence captures and their receipt, deterministically from a seed.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the captures and the receipt into (created if missing)", Required = true };
        var regime = new Option<string>("--regime") { Description = "Which capture(s) to write", DefaultValueFactory = _ => "all" };
        regime.AcceptOnlyFromAmong("baseline", "ddos", "all");
        var frames = new Option<long>("--frames") { Description = "Frames per capture (the evidence has 30)", DefaultValueFactory = _ => EvidenceGenerator.EvidenceFrameCount };
        var seed = new Option<ulong>("--seed") { Description = "PRNG seed", DefaultValueFactory = _ => RegimeModel.DefaultSeed };
        var keys = new KeyOptions();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar" };
        var vantages = new Option<int>("--vantages") { Description = $"Vantages on the shared tick lattice, 1 to {VantageBundle.MaxVantages} (more than 1: the broker's view, without a receipt; see docs/analysis.md)", DefaultValueFactory = _ => 1 };

        var command = new Command("generate", "Write the baseline and DDoS captures and the receipt; the defaults reproduce evidence/ byte for byte")
        {
            output, regime, frames, seed, keys.File, keys.Environment, quiet, vantages,
        };
        command.SetAction(parse => Run(
            parse.GetValue(output)!, parse.GetValue(regime)!, parse.GetValue(frames), parse.GetValue(seed),
            parse.GetValue(keys.File), parse.GetValue(keys.Environment), parse.GetValue(quiet), parse.GetValue(vantages)));
        return command;
    }

    private static int Run(string outputDirectory, string regime, long frames, ulong seed, string? keyFile, string? keyEnv, bool quiet, int vantages)
    {
        if (vantages < 1 || vantages > VantageBundle.MaxVantages)
        {
            throw new UsageException($"--vantages {vantages}: give a count from 1 to {VantageBundle.MaxVantages} (sources 203.0.113.10 to .19)");
        }

        if (frames < 1 || frames > uint.MaxValue / 10)
        {
            throw new UsageException($"--frames {frames}: give a count from 1 to {uint.MaxValue / 10}");
        }

        if (string.IsNullOrWhiteSpace(outputDirectory))
        {
            throw new UsageException("--out: give the name of a folder (it is created if missing)");
        }

        var key = KeySource.Load(keyFile, keyEnv);
        if (File.Exists(outputDirectory))
        {
            throw new UsageException($"{DisplayName.Of(outputDirectory)}: is a file, not a folder");
        }

        Directory.CreateDirectory(outputDirectory);
        var profiles = regime switch
        {
            "baseline" => [RegimeProfile.Baseline],
            "ddos" => [RegimeProfile.Ddos],
            _ => RegimeProfile.All,
        };

        var captures = new List<ReceiptCapture>();
        using var authenticator = new FrameAuthenticator(key);
        foreach (var profile in profiles)
        {
            var path = Path.Combine(outputDirectory, profile.FileName);
            using (var progress = new ProgressBar($"generate {profile.FileName}", frames * vantages, "frames", quiet))
            {
                AtomicFile.Write(path, stream =>
                {
                    if (vantages == 1)
                    {
                        EvidenceGenerator.WriteCapture(new RegimeModel(profile, seed, frames), authenticator, stream, progress);
                    }
                    else
                    {
                        VantageBundle.WriteCapture(profile, seed, frames, vantages, authenticator, stream, progress);
                    }
                });
            }

            captures.Add(new ReceiptCapture(profile, path));
            Console.Out.WriteLine(vantages == 1
                ? $"{DisplayName.Of(path)}: {frames} frames, {new FileInfo(path).Length} bytes"
                : $"{DisplayName.Of(path)}: {vantages} vantages x {frames} frames, {new FileInfo(path).Length} bytes");
        }

        if (vantages > 1)
        {
            // The receipt and its validation recipe describe the single-vantage evidence; a bundle is for `mvps analyze`.
            Console.Out.WriteLine($"no receipt for a {vantages}-vantage bundle: the receipt describes single-vantage captures");
            return ExitCodes.Ok;
        }

        var settings = new ReceiptSettings(seed, frames, KeySource.IsProofKey(key) ? WireConstants.ProofKeyText : null);
        var receiptPath = Path.Combine(outputDirectory, ReceiptWriter.FileName);
        AtomicFile.Write(receiptPath, stream => ReceiptWriter.Write(stream, settings, captures));
        Console.Out.WriteLine($"{DisplayName.Of(receiptPath)}: receipt for {captures.Count} capture(s)");
        return ExitCodes.Ok;
    }
}
