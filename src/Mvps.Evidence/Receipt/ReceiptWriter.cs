using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.IO;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// Writes evidence/mvps_pcap_receipt.json from the capture files as they are on disk (read back, not
/// from the generator's memory). Fixed property order, two-space indent, LF, trailing newline:
/// the same captures always give the same bytes. evidence/receipt.schema.json describes it.
/// </summary>
public static class ReceiptWriter
{
    /// <summary>The receipt's file name, beside the captures it describes.</summary>
    public const string FileName = "mvps_pcap_receipt.json";
    /// <summary>The file name of the receipt's JSON Schema, which the receipt names in "$schema".</summary>
    public const string SchemaFileName = "receipt.schema.json";
    internal const int ReceiptVersion = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true, // two spaces on every runtime; LF line ends come from LfLineEnds
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the receipt for <paramref name="captures"/>, reading each capture file back from disk.</summary>
    /// <param name="output">Receives the receipt's UTF-8 bytes.</param>
    /// <param name="settings">The seed, frame count and key the captures were generated with.</param>
    /// <param name="captures">Each capture file with the regime it holds, in receipt order.</param>
    public static void Write(Stream output, ReceiptSettings settings, IReadOnlyList<ReceiptCapture> captures)
    {
        var facts = captures.Select(c => (c.Profile.FileName, Sha256Text.OfFile(c.Path), new FileInfo(c.Path).Length, CountRecords(c.Path))).ToList();

        using (var json = new Utf8JsonWriter(LfLineEnds.For(output), Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "./" + SchemaFileName);
            json.WriteString("receipt", "MVPS Coherence-BFD evidence receipt");
            json.WriteNumber("receiptVersion", ReceiptVersion);
            WriteSpecification(json);
            WriteHmac(json, settings);
            WriteGenerator(json, settings);

            json.WriteStartArray("captures");
            for (var i = 0; i < captures.Count; i++)
            {
                WriteCapture(json, settings, captures[i], facts[i].Item2, facts[i].Item3);
            }

            json.WriteEndArray();

            json.WriteStartArray("validation");
            foreach (var step in ValidationRecipe.Build(settings, facts))
            {
                json.WriteStartObject();
                json.WriteString("id", step.Id);
                json.WriteString("claim", step.Claim);
                if (step.Setup is string setup)
                {
                    json.WriteString("setup", setup);
                }

                json.WriteString("command", step.Command);
                json.WriteString("expectedOutput", step.ExpectedOutput);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static void WriteSpecification(Utf8JsonWriter json)
    {
        json.WriteStartObject("specification");
        json.WriteString("draft", "draft-melegassi-mvps-coherence-bfd-00");
        json.WriteString("companion", "draft-melegassi-mvps-ddos-resilience-00");
        json.WriteString("wireFormat", "MVPS Coherence-BFD, extension version 3, RFC 5880 BFD Control version 1 without authentication");
        json.WriteNumber("frameLength", FieldLengths.Frame);
        json.WriteString("byteOrder", "big-endian; floats IEEE 754 binary32");
        json.WriteStartArray("layout");
        foreach ((var offset, var length, var field) in FrameFieldTable.Rows)
        {
            json.WriteStartObject();
            json.WriteNumber("offset", offset);
            json.WriteNumber("length", length);
            json.WriteString("field", field);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteHmac(Utf8JsonWriter json, ReceiptSettings settings)
    {
        json.WriteStartObject("hmac");
        json.WriteString("algorithm", "HMAC-SHA256");
        json.WriteNumber("truncatedToBytes", FieldLengths.Tag);
        json.WriteNumber("coveredFrameOffset", FieldLocations.Bfd);
        json.WriteNumber("coveredLength", FieldLengths.Authenticated);
        json.WriteString("covers", "frame bytes 42..97: the UDP payload before the tag (BFD packet, MVPS sub-header, magic, tick, phi, C1..C3)");
        json.WriteNumber("tagFrameOffset", FieldLocations.Tag);
        if (settings.PublicKeyText is string key)
        {
            json.WriteString("key", key);
            json.WriteString("keyEncoding", "ASCII");
            json.WriteString("keyNote", "public by design, only to make these captures reproducible; production deployments rotate keys per session");
        }
        else
        {
            json.WriteNull("key");
            json.WriteString("keyEncoding", "ASCII");
            json.WriteString("keyNote", "a private key was used; it is not recorded here");
        }

        json.WriteEndObject();
    }

    private static void WriteGenerator(Utf8JsonWriter json, ReceiptSettings settings)
    {
        json.WriteStartObject("generator");
        json.WriteString("tool", "mvps generate");
        json.WriteNumber("seed", settings.Seed);
        json.WriteString("prng", "SplitMix64, seeded with seed XOR the regime's salt");
        json.WriteString("latticeEpoch", UtcTimestamp.Format(Regimes.RegimeModel.LatticeEpochSeconds, 0));
        json.WriteNumber("latticePeriodUs", Regimes.RegimeModel.LatticePeriodUs);
        json.WriteNumber("framesPerCapture", settings.FramesPerCapture);
        json.WriteEndObject();
    }

    private static void WriteCapture(Utf8JsonWriter json, ReceiptSettings settings, ReceiptCapture capture, string sha256, long bytes)
    {
        var summary = Summarize(capture.Path);
        json.WriteStartObject();
        json.WriteString("file", capture.Profile.FileName);
        json.WriteString("regime", capture.Profile.Name);
        json.WriteString("description", capture.Profile.Description);
        json.WriteString("format", "libpcap classic, little-endian, version 2.4, microsecond timestamps");
        json.WriteNumber("linkType", LinkTypes.Ethernet);
        json.WriteNumber("snapLength", PcapWriter.DefaultSnapLength);
        json.WriteNumber("packets", summary.Frames);
        json.WriteNumber("bytes", bytes);
        json.WriteString("sha256", sha256);
        WriteSummary(json, summary);
        if (settings.ListsFrames)
        {
            WriteFrames(json, capture.Path);
        }

        json.WriteEndObject();
    }

    /// <summary>Bytes a Utf8JsonWriter may hold before they go to the stream: it buffers everything until flushed.</summary>
    private const int FlushThreshold = 1 << 16;

    private static void WriteFrames(Utf8JsonWriter json, string capturePath)
    {
        json.WriteStartArray("frames");
        ForEachFrame(capturePath, (in FrameView view) =>
        {
            json.WriteStartObject();
            FrameJsonWriter.WriteProperties(json, view.Index, view.Seconds, view.Microseconds, view.Bytes);
            json.WriteEndObject();
            if (json.BytesPending > FlushThreshold)
            {
                json.Flush();
            }
        });
        json.WriteEndArray();
    }

    /// <summary>The "summary" member of a capture's entry, as a JSON object exactly as the receipt writes it.</summary>
    internal static byte[] RenderSummary(string capturePath)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(LfLineEnds.For(stream), Options))
        {
            json.WriteStartObject();
            WriteSummary(json, Summarize(capturePath));
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Receives one frame's receipt entry (a JSON object); returns false to stop reading the capture.</summary>
    internal delegate bool FrameEntryVisitor(long index, ReadOnlyMemory<byte> entry);

    /// <summary>
    /// Each frame's receipt entry, exactly as the receipt writes it, rendered one at a time into one reused
    /// buffer: a receipt check streams the capture in memory independent of its frame count.
    /// </summary>
    internal static void ForEachFrameEntry(string capturePath, FrameEntryVisitor visit)
    {
        using var buffer = new MemoryStream();
        var target = LfLineEnds.For(buffer);
        using var json = new Utf8JsonWriter(target, Options);
        using var reader = CaptureReader.Open(capturePath);
        while (reader.TryReadNext(out var record))
        {
            RequireFrameLength(capturePath, record);
            buffer.SetLength(0);
            json.Reset(target);
            json.WriteStartObject();
            FrameJsonWriter.WriteProperties(json, record.Index, record.TimestampSeconds, record.TimestampMicroseconds, record.Data);
            json.WriteEndObject();
            json.Flush();
            if (!visit(record.Index, new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length)))
            {
                return;
            }
        }
    }

    private static void WriteSummary(Utf8JsonWriter json, CaptureSummary summary)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("firstTick", summary.FirstTick);
        json.WriteNumber("lastTick", summary.LastTick);
        json.WriteNumber("lostTicks", summary.LostTicks);
        json.WriteNumber("maxGapUs", summary.MaxGapMicroseconds);
        json.WriteNumber("maxAbsPhiNs", summary.MaxAbsPhiNanoseconds);
        WriteFloat(json, "minCoherence", summary.MinCoherence);
        WriteFloat(json, "maxCoherence", summary.MaxCoherence);
        json.WriteNumber("alarms", summary.Alarms);
        json.WriteNumber("sessionTimeouts", summary.SessionTimeouts);
        json.WriteStartObject("framesByState");
        foreach (var state in (ReadOnlySpan<BfdState>)[BfdState.AdminDown, BfdState.Down, BfdState.Init, BfdState.Up])
        {
            json.WriteNumber(state.ToString(), summary.FramesInState(state));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// Shortest decimal that round-trips to the same binary32 (the .NET Core 3.0+ default for float).
    /// JSON has no NaN or infinity: those are written as null (the frame's "...Bits" member keeps the exact bits).
    /// </summary>
    internal static void WriteFloat(Utf8JsonWriter json, string name, float value)
    {
        json.WritePropertyName(name);
        if (!float.IsFinite(value))
        {
            json.WriteNullValue();
            return;
        }

        json.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: false);
    }

    internal static string Hex16(ReadOnlySpan<byte> bytes, int offset) =>
        "0x" + System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]).ToString("x4", CultureInfo.InvariantCulture);

    private static long CountRecords(string path)
    {
        long count = 0;
        ForEachFrame(path, (in FrameView _) => count++);
        return count;
    }

    private static CaptureSummary Summarize(string path)
    {
        var summary = new CaptureSummary();
        ForEachFrame(path, (in FrameView view) => summary.Add(view.Fields, view.Seconds * 1_000_000 + view.Microseconds));
        return summary;
    }

    private delegate void FrameAction(in FrameView view);

    private static void RequireFrameLength(string path, in CaptureRecord record)
    {
        if (record.Data.Length < FieldLengths.Frame)
        {
            throw new CaptureFormatException(path, record.Index, record.FileOffset, $"frame of {record.Data.Length} bytes, expected {FieldLengths.Frame}");
        }
    }

    private readonly ref struct FrameView(long index, long seconds, uint microseconds, ReadOnlySpan<byte> bytes)
    {
        public long Index { get; } = index;
        public long Seconds { get; } = seconds;
        public uint Microseconds { get; } = microseconds;
        public ReadOnlySpan<byte> Bytes { get; } = bytes;
        public CoherenceFrame Fields => FrameDecoder.ReadFields(Bytes);
    }

    private static void ForEachFrame(string path, FrameAction action)
    {
        using var reader = CaptureReader.Open(path);
        while (reader.TryReadNext(out var record))
        {
            RequireFrameLength(path, record);
            action(new FrameView(record.Index, record.TimestampSeconds, record.TimestampMicroseconds, record.Data));
        }
    }
}
