using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>
/// The receipt's per-capture `summary` recomputed from what tshark (stock BFD + the Lua dissector) decodes,
/// following the definitions the receipt uses: tick gaps, timestamp gaps, |phi|, min/max over C1..C3, alarm
/// flags, Up -> Down transitions with diagnostic 1, and frames per BFD state.
/// </summary>
public sealed class ReceiptSummaryFromTsharkTests
{
    private const int StateDown = 1;
    private const int StateUp = 3;
    private const int DiagnosticDetectionTimeExpired = 1;

    // The receipt prints coherence with 6 decimals.
    private const double SixDecimalRounding = 5.0000001e-7;

    public static TheoryData<string, string> Captures() => EvidenceSource.AllCaptures();

    [ToolTheory("tshark")]
    [MemberData(nameof(Captures))]
    public void Summary_matches_what_tshark_decodes(string source, string capture)
    {
        var expected = EvidenceReceipt.CommittedReceipt.Capture(capture).Summary;
        var rows = Tshark.Fields(
            EvidenceSource.PathOf(source, capture),
            ["frame.time_epoch", "mvps.tick", "mvps.phi_ns", "mvps.c1_bits", "mvps.c2_bits", "mvps.c3_bits", "mvps.flags.alarm", "bfd.sta", "bfd.diag"],
            Tshark.WithDissector());
        Assert.Equal(EvidenceFiles.FramesPerCapture, rows.Count);

        var ticks = rows.Select(row => (long)FieldValue.Unsigned(row["mvps.tick"])).ToList();
        var micros = rows.Select(row => EpochMicroseconds(row["frame.time_epoch"])).ToList();
        var states = rows.Select(row => (int)FieldValue.Unsigned(row["bfd.sta"])).ToList();
        var coherence = rows
            .SelectMany(row => new[] { "mvps.c1_bits", "mvps.c2_bits", "mvps.c3_bits" }.Select(field => BitConverter.UInt32BitsToSingle((uint)FieldValue.Unsigned(row[field]))))
            .ToList();

        Assert.Equal(expected.FirstTick, (uint)ticks[0]);
        Assert.Equal(expected.LastTick, (uint)ticks[^1]);
        Assert.Equal(expected.LostTicks, ticks.Zip(ticks.Skip(1)).Sum(pair => pair.Second - pair.First - 1));
        Assert.Equal(expected.MaxGapUs, micros.Zip(micros.Skip(1)).Max(pair => pair.Second - pair.First));
        Assert.Equal(expected.MaxAbsPhiNs, rows.Max(row => Math.Abs(FieldValue.Signed(row["mvps.phi_ns"]))));
        Assert.InRange(expected.MinCoherence - coherence.Min(), -SixDecimalRounding, SixDecimalRounding);
        Assert.InRange(expected.MaxCoherence - coherence.Max(), -SixDecimalRounding, SixDecimalRounding);
        Assert.Equal(expected.Alarms, rows.Count(row => row["mvps.flags.alarm"] == "1"));

        var timeouts = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var previous = i == 0 ? StateUp : states[i - 1];
            if (states[i] == StateDown && previous == StateUp && (int)FieldValue.Unsigned(rows[i]["bfd.diag"]) == DiagnosticDetectionTimeExpired)
            {
                timeouts++;
            }
        }

        Assert.Equal(expected.SessionTimeouts, timeouts);
        Assert.Equal(
            new long[] { expected.FramesByState.AdminDown, expected.FramesByState.Down, expected.FramesByState.Init, expected.FramesByState.Up },
            Enumerable.Range(0, 4).Select(state => (long)states.Count(s => s == state)));
    }

    // "1779670799.999999000" -> microseconds since the epoch, exactly (no floating point).
    private static long EpochMicroseconds(string epoch)
    {
        var parts = epoch.Split('.');
        Assert.True(parts.Length == 2 && parts[1].Length == 9 && parts[1].EndsWith("000", StringComparison.Ordinal), $"unexpected frame.time_epoch {epoch}");
        return ((long)FieldValue.Unsigned(parts[0]) * 1_000_000) + (long)FieldValue.Unsigned(parts[1][..6]);
    }
}
