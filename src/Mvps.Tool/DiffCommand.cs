using System.CommandLine;
using System.Globalization;
using Mvps.Codec.Capture;
using Mvps.Codec.Receipt;
using Mvps.Codec.Wire;

namespace Mvps.Tool;

/// <summary>`mvps diff`: where two captures differ, by frame and decoded field, not only by byte.</summary>
public static class DiffCommand
{
    private const int MaxReported = 50;

    public static Command Create()
    {
        var a = new Argument<string>("A") { Description = "First capture" };
        var b = new Argument<string>("B") { Description = "Second capture" };
        var command = new Command("diff", "Name the frames and fields where two captures differ (exit 0 identical, 1 different, 2 unusable input)") { a, b };
        command.SetAction(parse => Run(parse.GetValue(a)!, parse.GetValue(b)!));
        return command;
    }

    private static int Run(string pathA, string pathB)
    {
        InputFiles.RequireCapture(pathA);
        InputFiles.RequireCapture(pathB);
        using CaptureReader a = CaptureReader.Open(pathA);
        using CaptureReader b = CaptureReader.Open(pathB);
        var differences = new DifferenceList(MaxReported);

        if (a.Format != b.Format || a.IsBigEndian != b.IsBigEndian || a.SnapLength != b.SnapLength)
        {
            differences.Add(I($"file header: {Describe(a)} != {Describe(b)}"));
        }

        long frames = 0;
        while (true)
        {
            bool hasA = a.TryReadNext(out CaptureRecord ra);
            bool hasB = b.TryReadNext(out CaptureRecord rb);
            if (!hasA || !hasB)
            {
                if (hasA || hasB)
                {
                    differences.Add(I($"frame {frames}: only in {Mvps.IO.DisplayName.Of(hasA ? pathA : pathB)} (the other capture ends after {frames} frames)"));
                }

                break;
            }

            CompareRecords(frames, ra, rb, differences);
            frames++;
        }

        if (differences.Count == 0 && !SameBytes(pathA, pathB))
        {
            differences.Add("the files differ in bytes outside the packet records (block options or padding)");
        }

        foreach (string line in differences.Kept)
        {
            Console.Out.WriteLine(line);
        }

        if (differences.Count > MaxReported)
        {
            Console.Out.WriteLine(I($"... and {differences.Count - MaxReported} more differences"));
        }

        Console.Out.WriteLine(differences.Count == 0
            ? I($"identical: {frames} frames")
            : I($"different: {differences.Count} difference(s) in {frames} compared frames"));
        return differences.Count == 0 ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }

    private static void CompareRecords(long index, CaptureRecord ra, CaptureRecord rb, DifferenceList differences)
    {
        if (ra.TimestampSeconds != rb.TimestampSeconds || ra.TimestampNanoseconds != rb.TimestampNanoseconds)
        {
            differences.Add(I($"frame {index}: timestamp {Time(ra)} != {Time(rb)}"));
        }

        if (ra.OriginalLength != rb.OriginalLength)
        {
            differences.Add(I($"frame {index}: original length {ra.OriginalLength} != {rb.OriginalLength}"));
        }

        if (ra.Data.SequenceEqual(rb.Data))
        {
            return;
        }

        List<FieldValue> fa = FrameFieldValues.Describe(ra.Data);
        List<FieldValue> fb = FrameFieldValues.Describe(rb.Data);
        var byName = fb.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (FieldValue va in fa)
        {
            if (!byName.TryGetValue(va.Name, out FieldValue vb))
            {
                differences.Add(I($"frame {index}: {va.Name} (offset {va.Offset}) only in the first: {va.Value}"));
            }
            else if (va.Value != vb.Value)
            {
                differences.Add(I($"frame {index}: {va.Name} (offset {va.Offset}) {va.Value} != {vb.Value}"));
            }
        }

        foreach (FieldValue vb in fb.Where(v => !fa.Exists(x => x.Name == v.Name)))
        {
            differences.Add(I($"frame {index}: {vb.Name} (offset {vb.Offset}) only in the second: {vb.Value}"));
        }
    }

    private static bool SameBytes(string pathA, string pathB) =>
        ReceiptWriter.Sha256Hex(pathA) == ReceiptWriter.Sha256Hex(pathB);

    private static string Describe(CaptureReader r) => I($"{r.Format}{(r.IsBigEndian ? " big-endian" : "")} snaplen {r.SnapLength}");

    private static string Time(CaptureRecord r) => I($"{r.TimestampSeconds}.{r.TimestampNanoseconds:D9}");

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
