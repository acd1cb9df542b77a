using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests;

/// <summary>capinfos (Wireshark's file summariser) describes each file exactly as the receipt and WIRE.md do.</summary>
public sealed class CapinfosTests
{
    public static TheoryData<string, string> Captures() => EvidenceSource.AllCaptures();

    [ToolTheory("capinfos")]
    [MemberData(nameof(Captures))]
    public void Reports_classic_pcap_ethernet_microseconds_30_packets_3804_bytes_and_the_receipt_hash(string source, string capture)
    {
        var expected = EvidenceReceipt.CommittedReceipt.Capture(capture);
        var path = EvidenceSource.PathOf(source, capture);

        // -M: exact numbers, no k/M rounding; TZ=UTC is pinned by ExternalProgram for the times.
        var result = ExternalProgram.Run("capinfos", "-M", path).AssertSuccess();
        var info = result.Lines
            .Where(line => !line.StartsWith(' ') && line.Contains(':', StringComparison.Ordinal))
            .Select(line => line.Split(':', 2))
            .GroupBy(pair => pair[0].Trim())
            .ToDictionary(group => group.Key, group => group.First()[1].Trim());

        Assert.Equal("pcap", info["File type"]);
        Assert.Equal("ether", info["File encapsulation"]);
        Assert.Equal("microseconds (6)", info["File timestamp precision"]);
        Assert.Equal("file hdr: 65535 bytes", info["Packet size limit"]);
        Assert.Equal($"{expected.Packets}", info["Number of packets"]);
        Assert.Equal("30", info["Number of packets"]);
        Assert.Equal($"{expected.Bytes} bytes", info["File size"]);
        Assert.Equal("3804 bytes", info["File size"]);
        Assert.Equal("3300 bytes", info["Data size"]);
        Assert.Equal("110.00 bytes", info["Average packet size"]);
        Assert.Equal(expected.Sha256, info["SHA256"]);
        Assert.Equal("True", info["Strict time order"]);
        Assert.Equal(ToCapinfosTime(expected.Frames[0].Timestamp), info["First packet time"]);
        Assert.Equal(ToCapinfosTime(expected.Frames[^1].Timestamp), info["Last packet time"]);
        Assert.Contains("Encapsulation = Ethernet (1 - ether)", result.StandardOutput, StringComparison.Ordinal);
    }

    [ToolTheory("capinfos")]
    [InlineData(EvidenceFiles.Baseline)]
    [InlineData(EvidenceFiles.Ddos)]
    public void The_table_report_agrees(string capture)
    {
        var result = ExternalProgram.Run("capinfos", "-T", "-M", Path.Combine(RepositoryLayout.EvidenceDirectory, capture)).AssertSuccess();

        Assert.Equal(2, result.Lines.Count);
        var table = result.Lines[0].Split('\t').Zip(result.Lines[1].Split('\t')).ToDictionary(pair => pair.First, pair => pair.Second);
        Assert.Equal("pcap", table["File type"]);
        Assert.Equal("ether", table["File encapsulation"]);
        Assert.Equal("microseconds", table["File time precision"]);
        Assert.Equal("30", table["Number of packets"]);
        Assert.Equal("3804", table["File size (bytes)"]);
        Assert.Equal(EvidenceReceipt.CommittedReceipt.Capture(capture).Sha256, table["SHA256"]);
    }

    // Receipt "2026-05-25T00:01:40.000000Z" -> capinfos (TZ=UTC) "2026-05-25 00:01:40.000000".
    private static string ToCapinfosTime(string receiptTimestamp) =>
        receiptTimestamp.TrimEnd('Z').Replace('T', ' ');
}
