using System.Security.Cryptography;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>
/// tcpdump (libpcap) reads both captures. It has no notion of the MVPS extension and, because the source port
/// 49152 is its Broadcom LI port, it prints every frame as "BCM-LI-SHIM" rather than BFD: the first four UDP
/// payload bytes (BFD byte 0..3) are read as an LI shim header, so li-id = detect multiplier * 256 + Length = 792.
/// </summary>
public sealed class TcpdumpTests
{
    private const string Flow = " IP 203.0.113.10.49152 > 203.0.113.20.3784: BCM-LI-SHIM: direction unused, pkt-type unknown, pkt-subtype ";

    public static TheoryData<string, string> Captures() => EvidenceSource.AllCaptures();

    [ToolTheory("tcpdump")]
    [MemberData(nameof(Captures))]
    public void Reads_every_frame_with_the_receipt_timestamp_and_the_broadcom_li_decoding(string source, string capture)
    {
        var frames = EvidenceReceipt.CommittedReceipt.Capture(capture).Frames;

        var result = ExternalProgram.Run("tcpdump", "-tt", "-nn", "-r", EvidenceSource.PathOf(source, capture)).AssertSuccess();

        Assert.Contains("link-type EN10MB (Ethernet), snapshot length 65535", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(EvidenceFiles.FramesPerCapture, result.Lines.Count);
        foreach (var (line, frame) in result.Lines.Zip(frames))
        {
            // Diagnostic 0 gives BCM-LI sub-type 0 ("untagged"); diagnostic 1 is a sub-type tcpdump calls unknown.
            var subtype = frame.Bfd.Diagnostic == 0 ? "untagged" : "unknown";
            Assert.Equal($"{frame.EpochMicroseconds}{Flow}{subtype}, li-id 792", line);
        }
    }

    [ToolTheory("tcpdump")]
    [MemberData(nameof(Captures))]
    public void The_ip_level_hex_dump_shows_COHE_at_ip_offset_60_in_the_0x0030_line(string source, string capture)
    {
        var result = ExternalProgram.Run("tcpdump", "-X", "-nn", "-r", EvidenceSource.PathOf(source, capture)).AssertSuccess();
        var packets = TcpdumpPacket.Parse(result.Lines);

        Assert.Equal(EvidenceFiles.FramesPerCapture, packets.Count);
        foreach (var packet in packets)
        {
            // -X starts at the IP header, so frame offset 74 is dump offset 60 = 0x3c: the last group of line 0x0030.
            Assert.Equal(96, packet.Bytes.Length);
            Assert.Equal(EvidenceFiles.MagicHex, Convert.ToHexStringLower(packet.Bytes.AsSpan(EvidenceFiles.MagicIpOffset, 4)));
            var line = packet.HexLineAt(0x0030);
            Assert.EndsWith(" 434f 4845  ............COHE", line, StringComparison.Ordinal);
        }
    }

    [ToolTheory("tcpdump")]
    [MemberData(nameof(Captures))]
    public void The_link_level_hex_dump_has_the_receipt_frame_hash_and_COHE_in_the_0x0040_line(string source, string capture)
    {
        var frames = EvidenceReceipt.CommittedReceipt.Capture(capture).Frames;

        var result = ExternalProgram.Run("tcpdump", "-XX", "-nn", "-r", EvidenceSource.PathOf(source, capture)).AssertSuccess();
        var packets = TcpdumpPacket.Parse(result.Lines);

        Assert.Equal(EvidenceFiles.FramesPerCapture, packets.Count);
        foreach (var (packet, frame) in packets.Zip(frames))
        {
            var where = $"{source} {capture} frame {frame.FrameNumber}";
            Assert.True(packet.Bytes.Length == EvidenceFiles.FrameLength, $"{where}: {packet.Bytes.Length} bytes");
            Assert.True(frame.FrameSha256 == Convert.ToHexStringLower(SHA256.HashData(packet.Bytes)), $"{where}: frame hash differs from receipt frameSha256");
            Assert.True(frame.Tag == Convert.ToHexStringLower(packet.Bytes.AsSpan(EvidenceFiles.TagFrameOffset, EvidenceFiles.TagLength)), $"{where}: tag");
            // Frame offset 74 = 0x4a: groups 6 and 7 of the 0x0040 line.
            Assert.Contains(" 434f 4845 ", packet.HexLineAt(0x0040), StringComparison.Ordinal);
            Assert.Equal(EvidenceFiles.MagicHex, Convert.ToHexStringLower(packet.Bytes.AsSpan(EvidenceFiles.MagicFrameOffset, 4)));
        }
    }

    [ToolTheory("tcpdump")]
    [MemberData(nameof(Captures))]
    public void Verbose_output_confirms_ip_header_and_a_good_udp_checksum_on_every_frame(string source, string capture)
    {
        var frames = EvidenceReceipt.CommittedReceipt.Capture(capture).Frames;

        var result = ExternalProgram.Run("tcpdump", "-vvv", "-nn", "-r", EvidenceSource.PathOf(source, capture)).AssertSuccess();
        var headers = result.Lines.Where(line => !char.IsWhiteSpace(line[0])).ToList();
        var udpLines = result.Lines.Where(line => line.StartsWith("    203.0.113.10.49152 > 203.0.113.20.3784:", StringComparison.Ordinal)).ToList();

        Assert.Equal(EvidenceFiles.FramesPerCapture, headers.Count);
        foreach (var (header, frame) in headers.Zip(frames))
        {
            Assert.EndsWith($" IP (tos 0xc0, ttl 255, id {frame.IpIdentification}, offset 0, flags [DF], proto UDP (17), length 96)", header, StringComparison.Ordinal);
        }

        Assert.Equal(EvidenceFiles.FramesPerCapture, udpLines.Count);
        Assert.All(udpLines, line => Assert.Contains("[udp sum ok]", line, StringComparison.Ordinal));
    }

    [ToolTheory("tcpdump")]
    [InlineData(EvidenceFiles.Baseline)]
    [InlineData(EvidenceFiles.Ddos)]
    public void A_bpf_filter_on_the_magic_at_udp_offset_40_matches_every_frame(string capture)
    {
        var path = Path.Combine(RepositoryLayout.EvidenceDirectory, capture);

        // udp[40:4] = 8-byte UDP header + payload offset 32.
        var magic = ExternalProgram.Run("tcpdump", "-nn", "-r", path, "udp[40:4] = 0x434f4845").AssertSuccess();
        var elsewhere = ExternalProgram.Run("tcpdump", "-nn", "-r", path, "udp[36:4] = 0x434f4845").AssertSuccess();

        Assert.Equal(EvidenceFiles.FramesPerCapture, magic.Lines.Count);
        Assert.Empty(elsewhere.Lines);
    }
}
