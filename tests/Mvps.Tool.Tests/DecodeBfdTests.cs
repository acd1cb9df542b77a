using System.Buffers.Binary;
using System.Text.Json;
using Mvps.Codec.Tests.Capture;
using static Mvps.Tests.Shared.BfdTestPackets;

namespace Mvps.Tool.Tests;

/// <summary>
/// `mvps decode` on records the stock-tshark comparison (Mvps.Interop.Tests BfdDecodeTests) cannot hold: an MVPS
/// record too short for the extension, which fails, beside an evidence frame, an authenticated BFD packet and an echo.
/// </summary>
public sealed class DecodeBfdTests
{
    private const int UdpPayload = 42;

    [Fact]
    public void Every_bfd_control_record_has_the_same_bfd_object_and_echo_has_its_own_class()
    {
        using var temp = new TempFolder();
        var evidence = BaselineCapture.FirstFrame();
        var shortMvps = evidence[UdpPayload..(UdpPayload + 34)]; // Length 24 and 10 bytes of extension
        var file = temp.File("bfd.pcapng");
        File.WriteAllBytes(file, new PcapngBuilder(bigEndian: false).SectionHeader().InterfaceDescription()
            .EnhancedPacket(0, 1_000_000, evidence)
            .EnhancedPacket(0, 2_000_000, WithPayload(evidence, 3784, Authenticated(Keyed(4, 28, 5, 123_456, 20))))
            .EnhancedPacket(0, 3_000_000, WithPayload(evidence, 4784, shortMvps))
            .EnhancedPacket(0, 4_000_000, WithPayload(evidence, 3785, new byte[16]))
            .ToArray());

        var result = MvpsProcess.Run("decode", "--json", file);

        Assert.Equal(1, result.ExitCode); // the short MVPS record is a problem
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        using var mvps = JsonDocument.Parse(lines[0]);
        using var authenticated = JsonDocument.Parse(lines[1]);
        using var cut = JsonDocument.Parse(lines[2]);
        using var echo = JsonDocument.Parse(lines[3]);
        Assert.Equal(["mvps", "bfd", "mvps", "bfd-echo"], new[] { mvps, authenticated, cut, echo }.Select(d => d.RootElement.GetProperty("class").GetString()));

        var names = Names(mvps.RootElement.GetProperty("bfd"));
        Assert.Equal([.. names, "authentication"], Names(authenticated.RootElement.GetProperty("bfd")));
        Assert.Equal(names, Names(cut.RootElement.GetProperty("bfd")));
        Assert.Equal(
            """{"type":4,"typeName":"KeyedSha1","length":28,"keyId":5,"sequenceNumber":123456}""",
            authenticated.RootElement.GetProperty("bfd").GetProperty("authentication").GetRawText());
        Assert.Equal(52, authenticated.RootElement.GetProperty("bfd").GetProperty("length").GetInt32());

        // The short record: its BFD packet in full, the same as the evidence frame's, and the problem.
        Assert.Equal(mvps.RootElement.GetProperty("bfd").GetRawText(), cut.RootElement.GetProperty("bfd").GetRawText());
        Assert.False(cut.RootElement.TryGetProperty("mvps", out _));
        Assert.Contains("MVPS payload of 34 bytes, the Coherence extension needs 68", cut.RootElement.GetProperty("problems")[0].GetString());

        Assert.False(echo.RootElement.TryGetProperty("bfd", out _));
        Assert.Equal(16, echo.RootElement.GetProperty("payloadLength").GetInt32());
        Assert.Equal(3785, echo.RootElement.GetProperty("destinationPort").GetInt32());

        var text = MvpsProcess.Run("decode", file);
        var textLines = text.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(" bfd=Up/NoDiagnostic my=0x00000022 your=0x4d565053 length=52 auth=KeyedSha1/28 key=5 seq=123456", textLines[1]);
        Assert.EndsWith(" bfd-echo ethernet 203.0.113.10:49152 > 203.0.113.20:3785 length=16", textLines[3]);
    }

    /// <summary>The evidence frame's Ethernet, IPv4 and UDP headers around another payload, to another port (checksums left stale).</summary>
    private static byte[] WithPayload(byte[] frame, ushort destinationPort, byte[] payload)
    {
        byte[] record = [.. frame[..UdpPayload], .. payload];
        BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(16), (ushort)(20 + 8 + payload.Length));
        BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(36), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(38), (ushort)(8 + payload.Length));
        return record;
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
