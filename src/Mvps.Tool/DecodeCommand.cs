using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.Evidence.Receipt;
using Mvps.IO;

namespace Mvps.Tool;

/// <summary>
/// `mvps decode`: one line, or one JSON object (JSON Lines), per record: its class, encapsulation and
/// addresses, and for MVPS frames every field and problem. Bytes are only ever read under their own link type.
/// </summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Capture file (pcap or pcapng); - reads standard input" };
        var json = new Option<bool>("--json") { Description = "One JSON object per line, as in the receipt, plus the record's class, encapsulation, warnings and problems" };
        var keys = new KeyOptions();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar" };
        var command = new Command("decode", "Print every record's class and every MVPS frame's fields (exit 1 when an MVPS frame has problems)") { file, json, keys.File, keys.Environment, quiet };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(keys.File), parse.GetValue(keys.Environment), parse.GetValue(quiet)));
        return command;
    }

    /// <summary>Frames between progress updates; the bar itself redraws at most a few times a second.</summary>
    private const long ProgressInterval = 4096;

    private static int Run(string file, bool asJson, string? keyFile, string? keyEnv, bool quiet)
    {
        var key = KeySource.Load(keyFile, keyEnv);
        using var authenticator = new FrameAuthenticator(key);
        using var reader = InputFiles.OpenCapture(file);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        using var buffer = new MemoryStream();
        var problems = new List<FrameProblem>();
        var exitCode = ExitCodes.Ok;
        // The frames go to stdout: a bar on the same terminal would tear them, so it shows only when they are redirected.
        using var progress = new ProgressBar($"decode {Path.GetFileName(file)}", InputFiles.LengthForProgress(file), "B",
            quiet || !Console.IsOutputRedirected || InputFiles.IsStandardInput(file));

        while (reader.TryReadNext(out var record))
        {
            if (record.Index % ProgressInterval == 0)
            {
                progress.Report(record.FileOffset);
            }

            problems.Clear();
            var data = record.Data;
            var layers = PacketDissector.Dissect(record.LinkType, data);
            var mvps = layers.Class == RecordClass.Mvps;
            var decoded = mvps && FrameDecoder.TryDecodeCaptured(data, layers, authenticator, problems, out _);
            var warnings = problems.Where(p => FrameDecoder.IsChecksumWarning(p.Kind)).ToList();
            problems.RemoveAll(p => FrameDecoder.IsChecksumWarning(p.Kind));
            exitCode = problems.Count > 0 ? ExitCodes.VerificationFailed : exitCode;
            var micros = record.TimestampMicroseconds;
            if (asJson)
            {
                buffer.SetLength(0);
                using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    WriteJson(json, record, micros, layers, decoded, warnings, problems);
                }

                stdout.Flush();
                buffer.WriteTo(stdout.BaseStream);
                stdout.BaseStream.WriteByte((byte)'\n');
                continue;
            }

            var time = UtcTimestamp.Format(record.TimestampSeconds, micros);
            stdout.Write(Line(record.Index, time, data, layers, decoded));
            if (mvps)
            {
                if (warnings.Count > 0)
                {
                    stdout.Write(" WARNINGS: " + string.Join("; ", warnings));
                }

                stdout.Write(problems.Count == 0 ? " ok" : " PROBLEMS: " + string.Join("; ", problems));
            }

            stdout.Write('\n');
        }

        return exitCode;
    }

    private static string Line(long index, string time, ReadOnlySpan<byte> data, in PacketLayers layers, bool decoded)
    {
        var where = (RecordDescription.Encapsulation(layers) + " " + RecordDescription.Addresses(data, layers)).TrimEnd();
        if (decoded)
        {
            var p = data.Slice(layers.PayloadOffset, FieldLengths.UdpPayload);
            var f = FrameDecoder.ReadPayloadFields(p);
            return string.Create(CultureInfo.InvariantCulture,
                $"{index} {time} tick={f.Tick} phi={f.PhiNanoseconds}ns C1={f.C1:R} C2={f.C2:R} C3={f.C3:R} bfd={f.Bfd.State}/{f.Bfd.Diagnostic} my=0x{f.Bfd.MyDiscriminator:x8} your=0x{f.Bfd.YourDiscriminator:x8} alarm={(f.Alarm ? 1 : 0)} tag={LowerHex.Of(p.Slice(PayloadLocations.Tag, FieldLengths.Tag))} mvps {where}");
        }

        var detail = layers.Class switch
        {
            RecordClass.Mvps => " undecodable",
            RecordClass.BfdWithoutExtension => " " + RecordDescription.Bfd(data, layers),
            RecordClass.BfdEcho => string.Create(CultureInfo.InvariantCulture, $" length={layers.PayloadLength}"),
            RecordClass.CapturedTruncated => string.Create(CultureInfo.InvariantCulture, $": cannot verify, captured {layers.CapturedBytes} of {layers.NeededBytes} bytes"),
            RecordClass.UnsupportedLinkType => ": not decoded",
            _ => layers.Note is string note ? ": " + note : "",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{index} {time} {RecordClasses.Token(layers.Class)} {where}{detail}");
    }

    private static void WriteJson(Utf8JsonWriter json, in CaptureRecord record, uint micros, in PacketLayers layers, bool decoded, List<FrameProblem> warnings, List<FrameProblem> problems)
    {
        var data = record.Data;
        json.WriteStartObject();
        var evidenceLayout = decoded && layers.LinkType == LinkTypes.Ethernet && layers.VlanCount == 0 && layers.IpVersion == 4
            && layers.PayloadOffset == FieldLocations.Bfd && data.Length == FieldLengths.Frame;
        if (evidenceLayout)
        {
            // Exactly the receipt's entry for the frame, so the two can be compared member by member.
            FrameJsonWriter.WriteProperties(json, record.Index, record.TimestampSeconds, micros, data);
        }
        else
        {
            FrameJsonWriter.WriteIndexAndTimestamp(json, record.Index, record.TimestampSeconds, micros);
            if (decoded)
            {
                FrameJsonWriter.WritePayloadProperties(json, data.Slice(layers.PayloadOffset, FieldLengths.UdpPayload));
                json.WriteString("frameSha256", Sha256Text.Of(data));
            }
            else if (layers.Class is RecordClass.Mvps or RecordClass.BfdWithoutExtension)
            {
                // The dissector has checked that the whole Control packet (24 bytes at least, up to its Length) was captured.
                FrameJsonWriter.WriteBfd(json, data.Slice(layers.PayloadOffset, layers.PayloadLength));
            }
        }

        json.WriteString("class", RecordClasses.Token(layers.Class));
        json.WriteNumber("linkType", layers.LinkType);
        json.WriteString("linkTypeName", LinkTypes.Name(layers.LinkType));
        json.WriteStartArray("vlan");
        if (layers.VlanCount >= 1)
        {
            json.WriteNumberValue(layers.OuterVlanId);
        }

        if (layers.VlanCount >= 2)
        {
            json.WriteNumberValue(layers.InnerVlanId);
        }

        json.WriteEndArray();
        if (layers.IpVersion != 0 && layers.AddressLength != 0)
        {
            json.WriteNumber("ipVersion", layers.IpVersion);
            json.WriteString("source", RecordDescription.Source(data, layers));
            json.WriteString("destination", RecordDescription.Destination(data, layers));
            json.WriteNumber("hopLimit", layers.HopLimit);
        }

        if (layers.UdpOffset >= 0)
        {
            json.WriteNumber("sourcePort", layers.SourcePort);
            json.WriteNumber("destinationPort", layers.DestinationPort);
        }

        if (layers.Class == RecordClass.BfdEcho)
        {
            json.WriteNumber("payloadLength", layers.PayloadLength);
        }

        if (layers.Class == RecordClass.CapturedTruncated)
        {
            json.WriteNumber("capturedBytes", layers.CapturedBytes);
            json.WriteNumber("neededBytes", layers.NeededBytes);
        }

        if (layers.Note is string note)
        {
            json.WriteString("note", note);
        }

        json.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            json.WriteStringValue(warning.ToString());
        }

        json.WriteEndArray();
        json.WriteStartArray("problems");
        foreach (var problem in problems)
        {
            json.WriteStringValue(problem.ToString());
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
