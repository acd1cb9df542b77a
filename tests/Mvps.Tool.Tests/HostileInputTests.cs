using System.Buffers.Binary;
using System.Globalization;
using static Mvps.Tool.Tests.BaselineCapture;

namespace Mvps.Tool.Tests;

/// <summary>
/// Hand-made hostile captures through the real CLI: each gives one clear line naming the file and the
/// problem, exit 2 (unusable) or 1 (a frame fails verification), and no exception trace; both verify
/// (one and several threads) and decode. A 3 GB sparse capture checks that memory stays bounded.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>Peak resident set a verify run may reach whatever the file size (the goal is under 100 MB).</summary>
    private const long MaxResidentKilobytes = 100 * 1024;

    public static TheoryData<string, Func<TempFolder, string>, int, string> Cases => new()
    {
        { "zero-length", t => Write(t, "zero.pcap", []), 2, "empty file" },
        { "header only, cut short", t => Write(t, "short.pcap", BaselineCapture.Bytes()[..20]), 2, "shorter than the 24-byte pcap header" },
        { "header only, complete", t => Write(t, "header.pcap", BaselineCapture.Bytes()[..PcapHeader]), 1, "no frames" },
        { "wrong magic", t => Write(t, "magic.pcap", WithU32(BaselineCapture.Bytes(), 0, 0xDEADBEEF)), 2, "unknown magic ef be ad de" },
        { "incl_len 0xFFFFFFFF", t => Write(t, "inclmax.pcap", WithU32(BaselineCapture.Bytes(), PcapHeader + 8, 0xFFFFFFFF)), 2, "incl_len 4294967295 exceeds the maximum record size" },
        { "incl_len > snaplen", t => Write(t, "snap.pcap", WithU32(WithU32(BaselineCapture.Bytes(), 16, 100), PcapHeader + 12, 200)), 2, "exceeds the snap length 100" },
        { "incl_len > orig_len", t => Write(t, "orig.pcap", WithU32(BaselineCapture.Bytes(), PcapHeader + 12, 60)), 2, "incl_len 110 exceeds orig_len 60" },
        { "record cut mid-frame", t => Write(t, "cut.pcap", BaselineCapture.Bytes()[..(PcapHeader + RecordHeader + Frame + RecordHeader + 50)]), 2, "truncated: record needs 126 bytes, only 66 remain" },
        { "frame with a bad tag", t => Write(t, "tag.pcap", Flip(BaselineCapture.Bytes(), PcapHeader + RecordHeader + 100)), 1, "HMAC tag mismatch" },
        { "pcapng block length not a multiple of 4", t => Write(t, "odd.pcapng", Pcapng(blockLengthDelta: 2)), 2, "is not a multiple of 4" },
        { "pcapng block length past the end", t => Write(t, "past.pcapng", Pcapng(blockLengthDelta: 4096)), 2, "truncated: block needs" },
        { "pcapng IDB with unknown link type", t => Write(t, "link.pcapng", Pcapng(linkType: 65000)), 1, "no MVPS frame among 1 records: 1 unsupported link type" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verify_reports_one_line_and_the_right_exit_code(string what, Func<TempFolder, string> make, int exitCode, string expected)
    {
        using var temp = new TempFolder();
        var file = make(temp);
        foreach (var threads in new[] { "1", "3" })
        {
            var result = MvpsProcess.Run("verify", "--threads", threads, file);
            AssertOutcome(what, file, result, exitCode, expected);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_fails_cleanly_too(string what, Func<TempFolder, string> make, int exitCode, string expected)
    {
        using var temp = new TempFolder();
        var file = make(temp);
        var result = MvpsProcess.Run("decode", file);

        // decode prints frames as it goes; a header-only file decodes to nothing, and a link type is not its concern.
        if (exitCode == 2 && !expected.Contains("link type", StringComparison.Ordinal))
        {
            AssertOutcome(what, file, result, 2, expected);
        }
        else
        {
            Assert.True(result.ExitCode is 0 or 1, $"{what}: decode exit {result.ExitCode}\n{result.StandardError}");
            Assert.DoesNotContain("   at ", result.StandardError);
        }
    }

    [PeakMemoryFact]
    public void A_3_GB_sparse_capture_streams_in_bounded_memory_with_64_bit_offsets()
    {
        using var temp = new TempFolder();
        var file = temp.File("sparse.pcapng");
        const uint skippedBlockLength = 3_000_000_000;
        using (var stream = new FileStream(file, FileMode.CreateNew))
        {
            // SHB, IDB, then a custom block of ~3 GB that is a hole in the file, then one packet with a bad tag.
            byte[] head = [.. SectionHeader(), .. InterfaceDescription(1)];
            stream.Write(head);
            stream.Write(U32(0x00000BAD));
            stream.Write(U32(skippedBlockLength));
            var trailerAt = head.Length + skippedBlockLength - 4;
            stream.SetLength(trailerAt);
            stream.Position = trailerAt;
            stream.Write(U32(skippedBlockLength));
            stream.Write(EnhancedPacket(Flip(BaselineCapture.Bytes(), PcapHeader + RecordHeader + 100).AsSpan(PcapHeader + RecordHeader, Frame)));
        }

        Assert.True(new FileInfo(file).Length > 3_000_000_000L);
        var (result, peakKilobytes) = RunMeasured("verify", "--threads", "2", file);

        long packetOffset = 28 + 20 + skippedBlockLength;
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"frame 0 (Wireshark no. 1, record at file offset {packetOffset})"), result.StandardOutput);
        Assert.Contains("HMAC tag mismatch", result.StandardOutput);
        Assert.True(peakKilobytes < MaxResidentKilobytes, $"peak RSS {peakKilobytes} KB");
    }

    private static void AssertOutcome(string what, string file, ProcessResult result, int exitCode, string expected)
    {
        var output = exitCode == 2 ? result.StandardError : result.StandardOutput;
        Assert.True(result.ExitCode == exitCode, $"{what}: exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.DoesNotContain("Exception", result.StandardError);
        Assert.Contains(expected, output);
        Assert.Contains(file, output);
        if (exitCode == 2)
        {
            Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    /// <summary>Runs the tool under /usr/bin/time; returns its result and peak RSS in kilobytes.</summary>
    internal static (ProcessResult Result, long PeakKilobytes) RunMeasured(params string[] args)
    {
        var report = Path.GetTempFileName();
        try
        {
            var result = ExternalProgram.Run(
                "/usr/bin/time",
                ["-f", "%M", "-o", report, "dotnet", Path.Combine(AppContext.BaseDirectory, "mvps.dll"), .. args],
                workingDirectory: Environment.CurrentDirectory,
                hangLimit: Timeout.InfiniteTimeSpan);
            var peak = long.Parse(File.ReadAllLines(report).Last(l => l.Length > 0).Trim(), CultureInfo.InvariantCulture);
            return (result, peak);
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static string Write(TempFolder temp, string name, byte[] bytes)
    {
        File.WriteAllBytes(temp.File(name), bytes);
        return temp.File(name);
    }

    private static byte[] WithU32(byte[] bytes, int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);
        return bytes;
    }

    private static byte[] Flip(byte[] bytes, int offset)
    {
        bytes[offset] ^= 0x01;
        return bytes;
    }

    private static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return b;
    }

    private static byte[] SectionHeader() =>
        [.. U32(0x0A0D0D0A), .. U32(28), .. U32(0x1A2B3C4D), 1, 0, 0, 0, .. U32(0xFFFFFFFF), .. U32(0xFFFFFFFF), .. U32(28)];

    private static byte[] InterfaceDescription(ushort linkType) =>
        [.. U32(1), .. U32(20), (byte)linkType, (byte)(linkType >> 8), 0, 0, .. U32(0), .. U32(20)];

    private static byte[] EnhancedPacket(ReadOnlySpan<byte> frame, int blockLengthDelta = 0)
    {
        var padded = (frame.Length + 3) & ~3;
        var length = (uint)(32 + padded);
        byte[] body = [.. U32(6), .. U32(length + (uint)blockLengthDelta), .. U32(0), .. U32(0), .. U32(0), .. U32((uint)frame.Length), .. U32((uint)frame.Length), .. frame, .. new byte[padded - frame.Length], .. U32(length)];
        return body;
    }

    /// <summary>A one-packet pcapng from the first evidence frame, optionally with a damaged packet block length or odd link type.</summary>
    private static byte[] Pcapng(int blockLengthDelta = 0, ushort linkType = 1) =>
        [.. SectionHeader(), .. InterfaceDescription(linkType), .. EnhancedPacket(BaselineCapture.Bytes().AsSpan(PcapHeader + RecordHeader, Frame), blockLengthDelta)];

    /// <summary>Skipped, with the reason, where the child's peak RSS cannot be measured.</summary>
    public sealed class PeakMemoryFactAttribute : FactAttribute
    {
        public PeakMemoryFactAttribute()
        {
            if (!File.Exists("/usr/bin/time"))
            {
                Skip = "/usr/bin/time (Debian package time) is needed to measure the child's peak RSS";
            }
        }
    }
}
