using System.CommandLine;
using Mvps.IO;
using Mvps.Codec.Receipt;
using Mvps.Codec.Regimes;
using Mvps.Codec.Wire;

namespace Mvps.Tool;

/// <summary>`mvps generate`: the evidence captures and their receipt, deterministically from a seed.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the captures and the receipt into (created if missing)", Required = true };
        var regime = new Option<string>("--regime") { Description = "Which capture(s) to write", DefaultValueFactory = _ => "all" };
        regime.AcceptOnlyFromAmong("baseline", "ddos", "all");
        var frames = new Option<long>("--frames") { Description = "Frames per capture (the evidence has 30)", DefaultValueFactory = _ => EvidenceGenerator.EvidenceFrameCount };
        var seed = new Option<ulong>("--seed") { Description = "PRNG seed", DefaultValueFactory = _ => RegimeModel.DefaultSeed };
        var keyFile = new Option<string?>("--key-file") { Description = "HMAC key file (default: the seed's public proof key)" };
        var keyEnv = new Option<string?>("--key-env") { Description = "Environment variable holding the HMAC key" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar" };

        var command = new Command("generate", "Write the baseline and DDoS captures and the receipt; the defaults reproduce evidence/ byte for byte")
        {
            output, regime, frames, seed, keyFile, keyEnv, quiet,
        };
        command.SetAction(parse => Run(
            parse.GetValue(output)!, parse.GetValue(regime)!, parse.GetValue(frames), parse.GetValue(seed),
            parse.GetValue(keyFile), parse.GetValue(keyEnv), parse.GetValue(quiet)));
        return command;
    }

    private static int Run(string outputDirectory, string regime, long frames, ulong seed, string? keyFile, string? keyEnv, bool quiet)
    {
        if (frames < 1 || frames > uint.MaxValue / 10)
        {
            throw new UsageException($"--frames {frames}: give a count from 1 to {uint.MaxValue / 10}");
        }

        if (string.IsNullOrWhiteSpace(outputDirectory))
        {
            throw new UsageException("--out: give the name of a folder (it is created if missing)");
        }

        byte[] key = KeySource.Load(keyFile, keyEnv);
        if (File.Exists(outputDirectory))
        {
            throw new UsageException($"{DisplayName.Of(outputDirectory)}: is a file, not a folder");
        }

        Directory.CreateDirectory(outputDirectory);
        IReadOnlyList<RegimeProfile> profiles = regime switch
        {
            "baseline" => [RegimeProfile.Baseline],
            "ddos" => [RegimeProfile.Ddos],
            _ => RegimeProfile.All,
        };

        var captures = new List<ReceiptCapture>();
        using var authenticator = new FrameAuthenticator(key);
        foreach (RegimeProfile profile in profiles)
        {
            string path = Path.Combine(outputDirectory, profile.FileName);
            using (var progress = new ProgressBar($"generate {profile.FileName}", frames, "frames", quiet))
            {
                AtomicFile.Write(path, stream =>
                    EvidenceGenerator.WriteCapture(new RegimeModel(profile, seed, frames), authenticator, stream, progress));
            }

            captures.Add(new ReceiptCapture(profile, path));
            Console.Out.WriteLine($"{DisplayName.Of(path)}: {frames} frames, {new FileInfo(path).Length} bytes");
        }

        var settings = new ReceiptSettings(seed, frames, KeySource.IsProofKey(key) ? WireConstants.ProofKeyText : null);
        string receiptPath = Path.Combine(outputDirectory, ReceiptWriter.FileName);
        AtomicFile.Write(receiptPath, stream => ReceiptWriter.Write(stream, settings, captures));
        Console.Out.WriteLine($"{DisplayName.Of(receiptPath)}: receipt for {captures.Count} capture(s)");
        return ExitCodes.Ok;
    }
}
