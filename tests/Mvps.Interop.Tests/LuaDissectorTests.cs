using System.Globalization;
using System.Text.RegularExpressions;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>
/// tshark with tools/mvps_dissector.lua: every mvps.* field equals the receipt, every tag verifies, a
/// damaged tag or a wrong key is reported, and the expose_as_data preference makes the seed's filter work.
/// </summary>
public sealed partial class LuaDissectorTests
{
    private static readonly string[] MvpsFields =
    [
        "frame.number", "frame.protocols",
        "mvps.ext_version", "mvps.flags", "mvps.flags.alarm", "mvps.vantage", "mvps.lattice_period_us",
        "mvps.magic", "mvps.tick", "mvps.phi_ns",
        "mvps.c1", "mvps.c2", "mvps.c3", "mvps.c1_bits", "mvps.c2_bits", "mvps.c3_bits",
        "mvps.hmac", "mvps.hmac_valid", "mvps.hmac_computed",
        "bfd.sta", "bfd.message_length", "_ws.expert.severity",
    ];

    public static TheoryData<string, string> Captures() => EvidenceSource.AllCaptures();

    [ToolTheory("tshark")]
    [MemberData(nameof(Captures))]
    public void Every_mvps_field_matches_the_receipt_and_every_tag_is_valid(string source, string capture)
    {
        var expected = EvidenceReceipt.CommittedReceipt.Capture(capture).Frames;

        var rows = Tshark.Fields(EvidenceSource.PathOf(source, capture), MvpsFields, Tshark.WithDissector());

        Assert.Equal(EvidenceFiles.FramesPerCapture, rows.Count);
        foreach (var (row, frame) in rows.Zip(expected))
        {
            var where = $"{source} {capture} frame {frame.FrameNumber}";
            var mvps = frame.Mvps;
            // The dissector sits in the udp.port table in place of BFD, so Wireshark lists it before bfd.
            Assert.True(row["frame.protocols"] == "eth:ethertype:ip:udp:mvps:bfd", $"{where}: frame.protocols {row["frame.protocols"]}");
            FieldAssert.NumberEquals(row, "mvps.ext_version", (ulong)mvps.ExtensionVersion, where);
            FieldAssert.NumberEquals(row, "mvps.flags", (ulong)mvps.Flags, where);
            FieldAssert.NumberEquals(row, "mvps.flags.alarm", mvps.Alarm ? 1UL : 0UL, where);
            FieldAssert.NumberEquals(row, "mvps.vantage", (ulong)mvps.VantageId, where);
            FieldAssert.NumberEquals(row, "mvps.lattice_period_us", mvps.LatticePeriodUs, where);
            Assert.True(mvps.Magic == "COHE", $"{where}: receipt magic {mvps.Magic}");
            FieldAssert.NumberEquals(row, "mvps.magic", 0x434F4845, where);
            FieldAssert.NumberEquals(row, "mvps.tick", mvps.Tick, where);
            Assert.True(mvps.PhiNs == FieldValue.Signed(row["mvps.phi_ns"]), $"{where}: mvps.phi_ns {row["mvps.phi_ns"]}, receipt {mvps.PhiNs}");

            AssertFloat(row, "c1", mvps.C1Bits, mvps.C1, where);
            AssertFloat(row, "c2", mvps.C2Bits, mvps.C2, where);
            AssertFloat(row, "c3", mvps.C3Bits, mvps.C3, where);

            Assert.True(frame.Tag == row["mvps.hmac"], $"{where}: mvps.hmac {row["mvps.hmac"]}, receipt tag {frame.Tag}");
            Assert.True(frame.Tag == row["mvps.hmac_computed"], $"{where}: mvps.hmac_computed {row["mvps.hmac_computed"]}");
            FieldAssert.NumberEquals(row, "mvps.hmac_valid", 1, where);

            // BFD is still decoded (the dissector hands it the 24-byte Control packet) and nothing is flagged.
            FieldAssert.NumberEquals(row, "bfd.sta", (ulong)frame.Bfd.State, where);
            FieldAssert.NumberEquals(row, "bfd.message_length", 24, where);
            Assert.True(row["_ws.expert.severity"].Length == 0, $"{where}: expert item of severity {row["_ws.expert.severity"]}");
        }
    }

    [ToolTheory("tshark")]
    [InlineData(EvidenceFiles.Baseline)]
    [InlineData(EvidenceFiles.Ddos)]
    public void The_hmac_valid_filter_selects_every_frame_and_mvps_alarm_only_the_alarm_frames(string capture)
    {
        var path = Path.Combine(RepositoryLayout.EvidenceDirectory, capture);
        var frames = EvidenceReceipt.CommittedReceipt.Capture(capture).Frames;

        Assert.Equal(frames.Select(frame => frame.FrameNumber), Tshark.Matching(path, "mvps.hmac_valid == 1", Tshark.WithDissector()));
        Assert.Equal(
            frames.Where(frame => frame.Mvps.Alarm).Select(frame => frame.FrameNumber),
            Tshark.Matching(path, "mvps.flags.alarm == 1", Tshark.WithDissector()));
    }

    [ToolFact("tshark")]
    public void A_flipped_tag_bit_makes_exactly_that_frame_invalid_with_an_expert_warning()
    {
        const int damagedIndex = 4;
        var damaged = CaptureMutation.FlipBits(
            Path.Combine(RepositoryLayout.EvidenceDirectory, EvidenceFiles.Baseline), damagedIndex, EvidenceFiles.TagFrameOffset + 5, 0x01);
        var damagedNumber = (damagedIndex + 1).ToString(CultureInfo.InvariantCulture);
        var originalTag = EvidenceReceipt.CommittedReceipt.Capture(EvidenceFiles.Baseline).Frames[damagedIndex].Tag;

        var rows = Tshark.Fields(damaged, ["frame.number", "mvps.hmac_valid", "mvps.hmac", "mvps.hmac_computed", "_ws.expert.severity", "_ws.expert.message"], Tshark.WithDissector());

        Assert.Equal(EvidenceFiles.FramesPerCapture, rows.Count);
        Assert.Equal([damagedNumber], rows.Where(row => row["mvps.hmac_valid"] != "1").Select(row => row["frame.number"]));
        var hit = rows.Single(row => row["frame.number"] == damagedNumber);
        Assert.Equal("0", hit["mvps.hmac_valid"]);
        Assert.NotEqual(originalTag, hit["mvps.hmac"]);
        Assert.Equal(originalTag, hit["mvps.hmac_computed"]);
        Assert.Equal(TsharkCodes.ExpertWarning, FieldValue.Unsigned(hit["_ws.expert.severity"]));
        Assert.Equal("MVPS HMAC mismatch", hit["_ws.expert.message"]);
        Assert.Equal([damagedNumber], rows.Where(row => row["_ws.expert.severity"].Length > 0).Select(row => row["frame.number"]));

        var expert = ExternalProgram.Run("tshark", [.. Tshark.WithDissector(), "-r", damaged, "-q", "-z", "expert"]).AssertSuccess();
        Assert.Matches(ExpertSummaryLine(), expert.StandardOutput);
        Assert.Contains("Warns (1)", expert.StandardOutput, StringComparison.Ordinal);
    }

    [ToolTheory("tshark")]
    [InlineData(EvidenceFiles.Baseline)]
    [InlineData(EvidenceFiles.Ddos)]
    public void With_a_wrong_key_preference_no_frame_is_valid(string capture)
    {
        var path = Path.Combine(RepositoryLayout.EvidenceDirectory, capture);

        var rows = Tshark.Fields(path, ["frame.number", "mvps.hmac_valid", "mvps.magic"], Tshark.WithDissector("-o", "mvps.hmac_key:wrong"));

        Assert.Equal(EvidenceFiles.FramesPerCapture, rows.Count);
        Assert.All(rows, row => Assert.Equal("0x434f4845", row["mvps.magic"]));
        Assert.All(rows, row => Assert.Equal("0", row["mvps.hmac_valid"]));
        Assert.Empty(Tshark.Matching(path, "mvps.hmac_valid == 1", Tshark.WithDissector("-o", "mvps.hmac_key:wrong")));
    }

    [ToolFact("tshark")]
    public void The_right_key_given_explicitly_validates_every_frame()
    {
        var path = Path.Combine(RepositoryLayout.EvidenceDirectory, EvidenceFiles.Ddos);

        var matched = Tshark.Matching(path, "mvps.hmac_valid == 1", Tshark.WithDissector("-o", "mvps.hmac_key:MVPS-shared-secret-deterministic-2026"));

        Assert.Equal(EvidenceFiles.FramesPerCapture, matched.Count);
    }

    [ToolTheory("tshark")]
    [MemberData(nameof(Captures))]
    public void With_expose_as_data_the_seed_filter_matches_every_frame(string source, string capture)
    {
        var path = EvidenceSource.PathOf(source, capture);
        var all = Enumerable.Range(1, EvidenceFiles.FramesPerCapture).ToList();

        Assert.Empty(Tshark.Matching(path, "data contains 43:4f:48:45", Tshark.WithDissector()));
        Assert.Equal(all, Tshark.Matching(path, "data contains 43:4f:48:45", Tshark.WithDissector("-o", "mvps.expose_as_data:TRUE")));
        var rows = Tshark.Fields(path, ["frame.protocols", "data.len"], Tshark.WithDissector("-o", "mvps.expose_as_data:TRUE"));
        Assert.All(rows, row => Assert.Equal("eth:ethertype:ip:udp:mvps:bfd:data", row["frame.protocols"]));
        Assert.All(rows, row => Assert.Equal("44", row["data.len"]));
    }

    [ToolFact("tshark")]
    public void The_dissector_selftest_passes_inside_tshark()
    {
        Assert.True(File.Exists(RepositoryLayout.DissectorSelfTest), $"missing {RepositoryLayout.DissectorSelfTest}");

        // -G must come first; the self-test prints its verdict to stdout and makes tshark exit 1 on a failure.
        var result = ExternalProgram.Run("tshark", "-G", "protocols", "-X", "lua_script:" + RepositoryLayout.DissectorSelfTest).AssertSuccess();

        AssertSelfTestVerdict(result);
    }

    [ToolFact("lua5.2")]
    public void The_dissector_selftest_passes_under_plain_lua()
    {
        var result = ExternalProgram.Run("lua5.2", RepositoryLayout.DissectorSelfTest).AssertSuccess();

        AssertSelfTestVerdict(result);
    }

    private static void AssertSelfTestVerdict(ProcessResult result)
    {
        Assert.DoesNotContain(result.Lines, line => line.StartsWith("FAIL", StringComparison.Ordinal));
        var verdict = SelfTestVerdict().Match(result.StandardOutput);
        Assert.True(verdict.Success, $"no SELFTEST PASS line in:\n{result.StandardOutput[..Math.Min(2000, result.StandardOutput.Length)]}");
        Assert.Equal(verdict.Groups["passed"].Value, verdict.Groups["total"].Value);
        Assert.True(int.Parse(verdict.Groups["total"].Value, CultureInfo.InvariantCulture) > 0);
    }

    private static void AssertFloat(IReadOnlyDictionary<string, string> row, string axis, string receiptBits, double receiptValue, string where)
    {
        var bits = FieldValue.Unsigned(receiptBits);
        FieldAssert.NumberEquals(row, $"mvps.{axis}_bits", bits, where);
        // The float field must decode those very bits; tshark prints ~6 significant digits, the receipt 6 decimals.
        var fromBits = BitConverter.UInt32BitsToSingle((uint)bits);
        var shown = FieldValue.Real(row[$"mvps.{axis}"]);
        Assert.True(Math.Abs(shown - fromBits) <= 1e-5, $"{where}: mvps.{axis} {shown} does not decode bits {receiptBits} ({fromBits})");
        Assert.True(Math.Abs(receiptValue - fromBits) <= 1e-6, $"{where}: receipt {axis} {receiptValue} disagrees with its own bits {receiptBits}");
    }

    [GeneratedRegex(@"^SELFTEST PASS: (?<passed>\d+)/(?<total>\d+) checks passed$", RegexOptions.Multiline)]
    private static partial Regex SelfTestVerdict();

    [GeneratedRegex(@"^\s+1\s+Checksum\s+MVPS\s+MVPS HMAC mismatch$", RegexOptions.Multiline)]
    private static partial Regex ExpertSummaryLine();
}
