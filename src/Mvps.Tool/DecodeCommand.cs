using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mvps.Codec.Capture;
using Mvps.Codec.Receipt;
using Mvps.Codec.Wire;

namespace Mvps.Tool;

/// <summary>`mvps decode`: one line, or one JSON object (JSON Lines), per frame.</summary>
public static class DecodeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Capture file (pcap or pcapng)" };
        var json = new Option<bool>("--json") { Description = "One JSON object per line, as in the receipt, plus the frame's problems" };
        var keyFile = new Option<string?>("--key-file") { Description = "HMAC key file (default: the seed's public proof key)" };
        var keyEnv = new Option<string?>("--key-env") { Description = "Environment variable holding the HMAC key" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar" };
        var command = new Command("decode", "Print every frame's fields") { file, json, keyFile, keyEnv, quiet };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(keyFile), parse.GetValue(keyEnv), parse.GetValue(quiet)));
        return command;
    }

    /// <summary>Frames between progress updates; the bar itself redraws at most a few times a second.</summary>
    private const long ProgressInterval = 4096;

    private static int Run(string file, bool asJson, string? keyFile, string? keyEnv, bool quiet)
    {
        byte[] key = KeySource.Load(keyFile, keyEnv);
        InputFiles.RequireCapture(file);
        using var authenticator = new FrameAuthenticator(key);
        using CaptureReader reader = CaptureReader.Open(file);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        using var buffer = new MemoryStream();
        var problems = new List<FrameProblem>();
        int exitCode = ExitCodes.Ok;
        // The frames go to stdout: a bar on the same terminal would tear them, so it shows only when they are redirected.
        using var progress = new ProgressBar($"decode {Path.GetFileName(file)}", new FileInfo(file).Length, "B", quiet || !Console.IsOutputRedirected);

        while (reader.TryReadNext(out CaptureRecord record))
        {
            if (record.Index % ProgressInterval == 0)
            {
                progress.Report(record.FileOffset);
            }

            problems.Clear();
            bool decoded = FrameDecoder.TryDecode(record.Data, authenticator, problems, out CoherenceFrame f);
            uint micros = record.TimestampNanoseconds / 1000;
            exitCode = problems.Count > 0 ? ExitCodes.VerificationFailed : exitCode;
            if (asJson)
            {
                buffer.SetLength(0);
                using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    json.WriteStartObject();
                    if (decoded)
                    {
                        FrameJsonWriter.WriteProperties(json, record.Index, record.TimestampSeconds, micros, record.Data[..FieldLengths.Frame]);
                    }
                    else
                    {
                        json.WriteNumber("index", record.Index);
                    }

                    json.WriteStartArray("problems");
                    foreach (FrameProblem problem in problems)
                    {
                        json.WriteStringValue(problem.ToString());
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                stdout.Flush();
                buffer.WriteTo(stdout.BaseStream);
                stdout.BaseStream.WriteByte((byte)'\n');
                continue;
            }

            string time = ReceiptWriter.FormatTimestamp(record.TimestampSeconds, micros);
            string line = decoded
                ? string.Create(CultureInfo.InvariantCulture,
                    $"{record.Index} {time} tick={f.Tick} phi={f.PhiNanoseconds}ns C1={f.C1:R} C2={f.C2:R} C3={f.C3:R} bfd={f.Bfd.State}/{f.Bfd.Diagnostic} my=0x{f.Bfd.MyDiscriminator:x8} your=0x{f.Bfd.YourDiscriminator:x8} alarm={(f.Alarm ? 1 : 0)} tag={Convert.ToHexStringLower(record.Data.Slice(FieldLocations.Tag, FieldLengths.Tag))}")
                : string.Create(CultureInfo.InvariantCulture, $"{record.Index} {time} undecodable");
            stdout.Write(line);
            stdout.Write(problems.Count == 0 ? " ok" : " PROBLEMS: " + string.Join("; ", problems));
            stdout.Write('\n');
        }

        return exitCode;
    }
}
