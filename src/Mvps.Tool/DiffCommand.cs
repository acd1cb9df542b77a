using System.Buffers.Binary;
using System.CommandLine;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.Evidence.Receipt;
using Mvps.IO;
using static Mvps.IO.Invariant;

namespace Mvps.Tool;

/// <summary>`mvps diff`: where two captures differ, by frame and decoded field, not only by byte.</summary>
internal static class DiffCommand
{
    private const int MaxReported = 50;

    public static Command Create()
    {
        var a = new Argument<string>("A") { Description = "First capture; - reads standard input" };
        var b = new Argument<string>("B") { Description = "Second capture; - reads standard input" };
        var command = new Command("diff", "Name the frames and fields where two captures differ; by session and tick where encapsulation or other traffic differ (exit 0 identical, 1 different, 2 unusable input)") { a, b };
        command.SetAction(parse => Run(parse.GetValue(a)!, parse.GetValue(b)!));
        return command;
    }

    private static int Run(string pathA, string pathB)
    {
        if (InputFiles.IsStandardInput(pathA) && InputFiles.IsStandardInput(pathB))
        {
            throw new UsageException("- (standard input) can be only one of the two captures");
        }

        using var a = InputFiles.OpenCapture(pathA);
        using var b = InputFiles.OpenCapture(pathB);
        var differences = new DifferenceList(MaxReported);
        var notes = new List<string>();

        var headerDifference = a.Format != b.Format || a.IsBigEndian != b.IsBigEndian || a.SnapLength != b.SnapLength
            ? I($"file header: {Describe(a)} != {Describe(b)}")
            : null;

        // Record by record while both captures have the same shape; from the first record where the
        // encapsulation or the traffic differs, MVPS frame by MVPS frame (session and tick), the rest skipped.
        long frames = 0, mvpsBefore = 0;
        MvpsFrame? pendingA = null, pendingB = null;
        var byRecord = true;
        while (byRecord)
        {
            var hasA = a.TryReadNext(out var ra);
            var hasB = b.TryReadNext(out var rb);
            if (!hasA || !hasB)
            {
                if (hasA || hasB)
                {
                    differences.Add(I($"frame {frames}: only in {Mvps.IO.DisplayName.Of(hasA ? pathA : pathB)} (the other capture ends after {frames} frames)"));
                }

                break;
            }

            var la = PacketDissector.Dissect(ra.LinkType, ra.Data);
            var lb = PacketDissector.Dissect(rb.LinkType, rb.Data);
            if (SameShape(la, lb))
            {
                CompareRecords(frames, ra, rb, differences);
                frames++;
                mvpsBefore += la.Class == RecordClass.Mvps ? 1 : 0;
                continue;
            }

            byRecord = false;
            notes.Add(I($"record {frames}: the captures differ in encapsulation or other traffic from here ({Shape(la)} != {Shape(lb)}); MVPS frames are compared by session and tick, other records skipped"));
            pendingA = MvpsFrame.From(ra, la);
            pendingB = MvpsFrame.From(rb, lb);
        }

        long compared = 0;
        if (!byRecord)
        {
            var sideA = new MvpsSide(a, pendingA, frames, mvpsBefore);
            var sideB = new MvpsSide(b, pendingB, frames, mvpsBefore);
            while (true)
            {
                var fa = sideA.Next();
                var fb = sideB.Next();
                if (fa is null || fb is null)
                {
                    if (fa is not null || fb is not null)
                    {
                        var only = fa ?? fb!;
                        differences.Add(I($"MVPS frame {compared} (record {only.Record}): only in {Mvps.IO.DisplayName.Of(fa is not null ? pathA : pathB)} (the other capture has {compared} MVPS frames)"));
                    }

                    break;
                }

                CompareMvps(compared, fa, fb, differences);
                compared++;
            }

            notes.Add(I($"{Mvps.IO.DisplayName.Of(pathA)}: {sideA.Records:N0} records, {sideA.Frames:N0} MVPS; {Mvps.IO.DisplayName.Of(pathB)}: {sideB.Records:N0} records, {sideB.Frames:N0} MVPS"));
        }

        if (byRecord && differences.Count == 0 && headerDifference is null && !InputFiles.IsStandardInput(pathA) && !InputFiles.IsStandardInput(pathB) && !SameBytes(pathA, pathB))
        {
            differences.Add("the files differ in bytes outside the packet records (block options or padding)");
        }

        // Between captures of the same traffic taken differently the file header is expected to differ: there
        // it is a note, record by record a difference.
        var total = differences.Count + (byRecord && headerDifference is not null ? 1 : 0);
        if (headerDifference is not null)
        {
            Console.Out.WriteLine(headerDifference);
        }

        foreach (var line in notes)
        {
            Console.Out.WriteLine(line);
        }

        foreach (var line in differences.Kept)
        {
            Console.Out.WriteLine(line);
        }

        if (differences.Count > MaxReported)
        {
            Console.Out.WriteLine(I($"... and {differences.Count - MaxReported} more differences"));
        }

        if (byRecord)
        {
            Console.Out.WriteLine(total == 0
                ? I($"identical: {frames} frames")
                : I($"different: {total} difference(s) in {frames} compared frames"));
        }
        else
        {
            Console.Out.WriteLine(total == 0
                ? I($"same MVPS frames: {mvpsBefore + compared} MVPS frames ({frames} records compared record by record, then {compared} MVPS frames by session and tick); the captures differ only in encapsulation or other traffic")
                : I($"different: {differences.Count} difference(s) in {frames} compared records and {compared} compared MVPS frames"));
        }

        return total == 0 ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }

    /// <summary>Whether two records can be compared byte for byte: same link type, VLAN tags, class and layer offsets.</summary>
    private static bool SameShape(in PacketLayers a, in PacketLayers b) =>
        a.LinkType == b.LinkType && a.Class == b.Class && a.VlanCount == b.VlanCount && a.OuterVlanId == b.OuterVlanId
        && a.InnerVlanId == b.InnerVlanId && a.IpVersion == b.IpVersion && a.PayloadOffset == b.PayloadOffset;

    private static string Shape(in PacketLayers l) => I($"{RecordClasses.Token(l.Class)} {RecordDescription.Encapsulation(l)}");

    private static void CompareMvps(long n, MvpsFrame a, MvpsFrame b, DifferenceList differences)
    {
        var where = I($"MVPS frame {n} (records {a.Record} and {b.Record})");
        if (a.Session != b.Session || a.Tick != b.Tick)
        {
            differences.Add(I($"{where}: session {a.Session} tick {a.Tick} != session {b.Session} tick {b.Tick}"));
            return;
        }

        if (a.Payload.AsSpan().SequenceEqual(b.Payload))
        {
            return;
        }

        // Field names and offsets as in the evidence layout, so they read like the record-by-record report.
        var frameA = new byte[FieldLengths.Frame];
        var frameB = new byte[FieldLengths.Frame];
        a.Payload.CopyTo(frameA, FieldLocations.Bfd);
        b.Payload.CopyTo(frameB, FieldLocations.Bfd);
        var fb = FrameFieldValues.Describe(frameB).Where(v => v.Offset >= FieldLocations.Bfd).ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var va in FrameFieldValues.Describe(frameA).Where(v => v.Offset >= FieldLocations.Bfd))
        {
            if (fb.TryGetValue(va.Name, out var vb) && va.Value != vb.Value)
            {
                differences.Add(I($"{where}, session {a.Session} tick {a.Tick}: {va.Name} (payload offset {va.Offset - FieldLocations.Bfd}) {va.Value} != {vb.Value}"));
            }
        }
    }

    /// <summary>An MVPS frame kept from a record: its session, tick and 68-byte payload.</summary>
    private sealed record MvpsFrame(long Record, string Session, uint Tick, byte[] Payload)
    {
        public static MvpsFrame? From(in CaptureRecord record, in PacketLayers layers)
        {
            if (layers.Class != RecordClass.Mvps || layers.PayloadLength < FieldLengths.UdpPayload)
            {
                return null;
            }

            var payload = record.Data.Slice(layers.PayloadOffset, FieldLengths.UdpPayload).ToArray();
            var session = I($"{RecordDescription.Source(record.Data, layers)} > {RecordDescription.Destination(record.Data, layers)} my=0x{BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(PayloadLocations.BfdMyDiscriminator)):x8}");
            return new MvpsFrame(record.Index, session, BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(PayloadLocations.Tick)), payload);
        }
    }

    /// <summary>One capture read MVPS frame by MVPS frame, starting with the record that ended the record-by-record part.</summary>
    private sealed class MvpsSide(CaptureReader reader, MvpsFrame? pending, long recordsBefore, long mvpsBefore)
    {
        private MvpsFrame? _pending = pending;
        private bool _pendingUsed;

        public long Records { get; private set; } = recordsBefore + 1;

        public long Frames { get; private set; } = mvpsBefore;

        public MvpsFrame? Next()
        {
            if (!_pendingUsed)
            {
                _pendingUsed = true;
                if (_pending is not null)
                {
                    Frames++;
                    return _pending;
                }
            }

            while (reader.TryReadNext(out var record))
            {
                Records++;
                if (MvpsFrame.From(record, PacketDissector.Dissect(record.LinkType, record.Data)) is MvpsFrame frame)
                {
                    Frames++;
                    return frame;
                }
            }

            return null;
        }
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

        var fa = FrameFieldValues.Describe(ra.Data);
        var fb = FrameFieldValues.Describe(rb.Data);
        var byName = fb.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var va in fa)
        {
            if (!byName.TryGetValue(va.Name, out var vb))
            {
                differences.Add(I($"frame {index}: {va.Name} (offset {va.Offset}) only in the first: {va.Value}"));
            }
            else if (va.Value != vb.Value)
            {
                differences.Add(I($"frame {index}: {va.Name} (offset {va.Offset}) {va.Value} != {vb.Value}"));
            }
        }

        foreach (var vb in fb.Where(v => !fa.Exists(x => x.Name == v.Name)))
        {
            differences.Add(I($"frame {index}: {vb.Name} (offset {vb.Offset}) only in the second: {vb.Value}"));
        }
    }

    private static bool SameBytes(string pathA, string pathB) =>
        Sha256Text.OfFile(pathA) == Sha256Text.OfFile(pathB);

    private static string Describe(CaptureReader r) => I($"{r.Format}{(r.IsBigEndian ? " big-endian" : "")} snaplen {r.SnapLength}");

    private static string Time(CaptureRecord r) => I($"{r.TimestampSeconds}.{r.TimestampNanoseconds:D9}");
}
