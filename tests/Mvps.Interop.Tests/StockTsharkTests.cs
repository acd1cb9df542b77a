using System.Globalization;
using System.Security.Cryptography;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>
/// Stock tshark, no Lua: it must see well-formed Ethernet/IPv4/UDP/BFD frames whose every header field,
/// checksum and timestamp matches the receipt, without a single expert item.
/// </summary>
public sealed class StockTsharkTests
{
    private const string ExpectedProtocols = "eth:ethertype:ip:udp:bfd";

    // Stock BFD shows byte 1 whole as bfd.flags (state bits included); the receipt keeps P F C A D M apart.
    private const ulong BfdFlagBitsMask = 0x3F;

    private static readonly string[] ChecksumOptions = ["-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE"];

    private static readonly string[] HeaderFields =
    [
        "frame.number", "frame.protocols", "frame.len", "frame.cap_len", "frame.time_epoch",
        "eth.dst", "eth.src", "eth.type",
        "ip.version", "ip.hdr_len", "ip.dsfield", "ip.len", "ip.id", "ip.flags.df", "ip.ttl", "ip.proto",
        "ip.checksum", "ip.checksum.status", "ip.src", "ip.dst",
        "udp.srcport", "udp.dstport", "udp.length", "udp.checksum", "udp.checksum.status", "udp.payload",
        "bfd.version", "bfd.diag", "bfd.sta", "bfd.flags", "bfd.flags.a", "bfd.detect_time_multiplier",
        "bfd.message_length", "bfd.my_discriminator", "bfd.your_discriminator",
        "bfd.desired_min_tx_interval", "bfd.required_min_rx_interval", "bfd.required_min_echo_interval",
        "_ws.expert.severity",
    ];

    public static TheoryData<string, string> Captures() => EvidenceSource.AllCaptures();

    [ToolTheory("tshark")]
    [MemberData(nameof(Captures))]
    public void Every_header_field_matches_the_receipt(string source, string capture)
    {
        var path = EvidenceSource.PathOf(source, capture);
        var expected = EvidenceReceipt.CommittedReceipt.Capture(capture).Frames;

        var rows = Tshark.Fields(path, HeaderFields, ChecksumOptions);

        Assert.Equal(EvidenceFiles.FramesPerCapture, rows.Count);
        Assert.Equal(expected.Count, rows.Count);
        foreach (var (row, frame) in rows.Zip(expected))
        {
            var where = $"{source} {capture} frame {frame.FrameNumber}";
            Assert.True(frame.FrameNumber.ToString(CultureInfo.InvariantCulture) == row["frame.number"], where);
            Assert.True(ExpectedProtocols == row["frame.protocols"], $"{where}: frame.protocols {row["frame.protocols"]}");
            FieldAssert.NumberEquals(row, "frame.len", EvidenceFiles.FrameLength, where);
            FieldAssert.NumberEquals(row, "frame.cap_len", EvidenceFiles.FrameLength, where);
            Assert.True($"{frame.EpochMicroseconds}000" == row["frame.time_epoch"], $"{where}: frame.time_epoch {row["frame.time_epoch"]}, receipt {frame.Timestamp}");

            FieldAssert.TextEquals(row, "eth.dst", "02:4d:56:50:53:14", where);
            FieldAssert.TextEquals(row, "eth.src", "02:4d:56:50:53:0a", where);
            FieldAssert.NumberEquals(row, "eth.type", 0x0800, where);

            FieldAssert.NumberEquals(row, "ip.version", 4, where);
            FieldAssert.NumberEquals(row, "ip.hdr_len", 20, where);
            FieldAssert.NumberEquals(row, "ip.dsfield", 0xC0, where);
            FieldAssert.NumberEquals(row, "ip.len", 96, where);
            FieldAssert.NumberEquals(row, "ip.id", (ulong)frame.IpIdentification, where);
            FieldAssert.NumberEquals(row, "ip.flags.df", 1, where);
            FieldAssert.NumberEquals(row, "ip.ttl", 255, where);
            FieldAssert.NumberEquals(row, "ip.proto", 17, where);
            FieldAssert.NumberEquals(row, "ip.checksum", FieldValue.Unsigned(frame.IpChecksum), where);
            FieldAssert.TextEquals(row, "ip.src", "203.0.113.10", where);
            FieldAssert.TextEquals(row, "ip.dst", "203.0.113.20", where);

            FieldAssert.NumberEquals(row, "udp.srcport", EvidenceFiles.SourcePort, where);
            FieldAssert.NumberEquals(row, "udp.dstport", EvidenceFiles.DestinationPort, where);
            FieldAssert.NumberEquals(row, "udp.length", 76, where);
            FieldAssert.NumberEquals(row, "udp.checksum", FieldValue.Unsigned(frame.UdpChecksum), where);
            var payload = Convert.FromHexString(row["udp.payload"]);
            Assert.True(frame.PayloadSha256 == Convert.ToHexStringLower(SHA256.HashData(payload)), $"{where}: UDP payload hash differs from receipt payloadSha256");
            Assert.True(frame.Tag == Convert.ToHexStringLower(payload.AsSpan(EvidenceFiles.TagFrameOffset - EvidenceFiles.UdpPayloadOffset)), $"{where}: tag bytes differ from receipt");

            FieldAssert.NumberEquals(row, "bfd.version", (ulong)frame.Bfd.Version, where);
            FieldAssert.NumberEquals(row, "bfd.diag", (ulong)frame.Bfd.Diagnostic, where);
            FieldAssert.NumberEquals(row, "bfd.sta", (ulong)frame.Bfd.State, where);
            Assert.True((ulong)frame.Bfd.Flags == (FieldValue.Unsigned(row["bfd.flags"]) & BfdFlagBitsMask), $"{where}: bfd.flags {row["bfd.flags"]}");
            Assert.True((ulong)frame.Bfd.State == FieldValue.Unsigned(row["bfd.flags"]) >> 6, $"{where}: state bits of bfd.flags {row["bfd.flags"]}");
            FieldAssert.NumberEquals(row, "bfd.flags.a", 0, where);
            FieldAssert.NumberEquals(row, "bfd.detect_time_multiplier", (ulong)frame.Bfd.DetectMultiplier, where);
            FieldAssert.NumberEquals(row, "bfd.message_length", (ulong)frame.Bfd.Length, where);
            FieldAssert.NumberEquals(row, "bfd.my_discriminator", frame.Bfd.MyDiscriminator, where);
            FieldAssert.NumberEquals(row, "bfd.your_discriminator", frame.Bfd.YourDiscriminator, where);
            FieldAssert.NumberEquals(row, "bfd.desired_min_tx_interval", frame.Bfd.DesiredMinTxUs, where);
            FieldAssert.NumberEquals(row, "bfd.required_min_rx_interval", frame.Bfd.RequiredMinRxUs, where);
            FieldAssert.NumberEquals(row, "bfd.required_min_echo_interval", frame.Bfd.RequiredMinEchoRxUs, where);
        }
    }

    [ToolTheory("tshark")]
    [MemberData(nameof(Captures))]
    public void Ip_and_udp_checksums_are_good_and_there_is_no_expert_item(string source, string capture)
    {
        var rows = Tshark.Fields(
            EvidenceSource.PathOf(source, capture),
            ["frame.number", "ip.checksum.status", "udp.checksum.status", "_ws.expert.severity"],
            ChecksumOptions);

        Assert.Equal(EvidenceFiles.FramesPerCapture, rows.Count);
        foreach (var row in rows)
        {
            var where = $"{source} {capture} frame {row["frame.number"]}";
            FieldAssert.NumberEquals(row, "ip.checksum.status", TsharkCodes.Good, where);
            FieldAssert.NumberEquals(row, "udp.checksum.status", TsharkCodes.Good, where);
            Assert.True(row["_ws.expert.severity"].Length == 0, $"{where}: expert item of severity {row["_ws.expert.severity"]}");
        }

        var expert = ExternalProgram.Run("tshark", [.. ChecksumOptions, "-r", EvidenceSource.PathOf(source, capture), "-q", "-z", "expert"]).AssertSuccess();
        Assert.True(expert.StandardOutput.Trim().Length == 0, $"tshark -z expert reported:\n{expert.StandardOutput}");
    }

    /// <summary>Negative control: the same checks do notice one damaged byte (the UDP checksum covers the tag).</summary>
    [ToolFact("tshark")]
    public void A_flipped_tag_bit_shows_as_a_bad_udp_checksum_and_an_expert_error_on_that_frame_only()
    {
        const int damagedIndex = 11;
        var damaged = CaptureMutation.FlipBits(
            Path.Combine(RepositoryLayout.EvidenceDirectory, EvidenceFiles.Ddos), damagedIndex, EvidenceFiles.TagFrameOffset + 3, 0x80);

        var rows = Tshark.Fields(damaged, ["frame.number", "ip.checksum.status", "udp.checksum.status", "_ws.expert.severity"], ChecksumOptions);

        var bad = rows.Where(row => row["udp.checksum.status"] != TsharkCodes.Good.ToString(CultureInfo.InvariantCulture))
            .Select(row => row["frame.number"]).ToList();
        Assert.Equal([(damagedIndex + 1).ToString(CultureInfo.InvariantCulture)], bad);
        Assert.All(rows, row => FieldAssert.NumberEquals(row, "ip.checksum.status", TsharkCodes.Good, "ip"));
        var withErrors = rows.Where(row => row["_ws.expert.severity"].Split(',').Any(s => s.Length > 0 && FieldValue.Unsigned(s) >= TsharkCodes.ExpertError))
            .Select(row => row["frame.number"]).ToList();
        Assert.Equal(bad, withErrors);

        var expert = ExternalProgram.Run("tshark", [.. ChecksumOptions, "-r", damaged, "-q", "-z", "expert,error"]).AssertSuccess();
        Assert.Contains("Errors (1)", expert.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Bad checksum", expert.StandardOutput, StringComparison.Ordinal);
    }

    [ToolTheory("tshark")]
    [MemberData(nameof(Captures))]
    public void Magic_filters_that_work_with_stock_tshark_match_every_frame(string source, string capture)
    {
        var path = EvidenceSource.PathOf(source, capture);
        var all = Enumerable.Range(1, EvidenceFiles.FramesPerCapture).ToList();

        Assert.Equal(all, Tshark.Matching(path, "frame[74:4] == \"COHE\""));
        Assert.Equal(all, Tshark.Matching(path, "udp.payload[32:4] == 43:4f:48:45"));
        Assert.Equal(all, Tshark.Matching(path, "frame contains \"COHE\""));
        Assert.Equal(all, Tshark.Matching(path, "bfd && udp.port == 3784"));
    }

    /// <summary>
    /// The seed's filter `data contains 43:4f:48:45` matches nothing on stock Wireshark: udp.port 3784 belongs
    /// to the BFD dissector, which claims the whole 68-byte UDP payload (it decodes 24 bytes and ignores the
    /// rest), so no "data" layer, and no data.data field, exists in these frames.
    /// </summary>
    [ToolTheory("tshark")]
    [MemberData(nameof(Captures))]
    public void The_seed_data_contains_filter_matches_nothing_with_stock_tshark(string source, string capture)
    {
        var path = EvidenceSource.PathOf(source, capture);

        Assert.Empty(Tshark.Matching(path, "data contains 43:4f:48:45"));
        Assert.Empty(Tshark.Matching(path, "data"));
        // Control: the same bytes are present, so the empty result is about the missing layer, not the bytes.
        Assert.Equal(EvidenceFiles.FramesPerCapture, Tshark.Matching(path, "udp contains 43:4f:48:45").Count);
    }
}
