using System.Globalization;
using Mvps.Codec.Capture;

namespace Mvps.Codec.Tests.Capture;

/// <summary>Independent implementations (Wireshark's tools, tcpdump) agree with the writer and reader.</summary>
public sealed class CaptureToolOracleTests : IDisposable
{
    private const int FrameCount = 40;
    private readonly TempFolder _directory = new();

    public void Dispose() => _directory.Dispose();

    [ToolFact("tshark")]
    public void Tshark_reads_the_writers_lengths_and_timestamps()
    {
        var path = WriteSample("tshark.pcap");
        var (exitCode, output, errors) = ExternalProgram.Run("tshark", "-n", "-r", path, "-T", "fields", "-e", "frame.len", "-e", "frame.cap_len", "-e", "frame.time_epoch");
        Assert.True(exitCode == 0, $"tshark failed: {errors}");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(FrameCount, lines.Length);
        for (var i = 0; i < FrameCount; i++)
        {
            var (seconds, microseconds, frame) = Sample(i);
            var fields = lines[i].Split('\t');
            Assert.Equal(frame.Length.ToString(CultureInfo.InvariantCulture), fields[0]);
            Assert.Equal(frame.Length.ToString(CultureInfo.InvariantCulture), fields[1]);
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{seconds}.{microseconds:D6}"), fields[2][..(fields[2].IndexOf('.', StringComparison.Ordinal) + 7)]);
        }
    }

    [ToolFact("editcap")]
    public void Editcap_pcapng_conversion_reads_back_identically()
    {
        var converted = Editcap("pcapng", WriteSample("editcap-source.pcap"), "editcap.pcapng");
        AssertReadsBackAs(converted, CaptureFormat.Pcapng);
    }

    [ToolFact("editcap")]
    public void Editcap_nanosecond_pcap_conversion_reads_back_identically()
    {
        var converted = Editcap("nsecpcap", WriteSample("editcap-ns-source.pcap"), "editcap-ns.pcap");
        AssertReadsBackAs(converted, CaptureFormat.PcapNanoseconds);

        // From a nanosecond source editcap writes an IDB with if_tsresol 10^-9.
        AssertReadsBackAs(Editcap("pcapng", converted, "editcap-ns.pcapng"), CaptureFormat.Pcapng);
    }

    [ToolFact("tcpdump")]
    public void Tcpdump_reads_every_record()
    {
        var path = WriteSample("tcpdump.pcap");
        var (exitCode, output, errors) = ExternalProgram.Run("tcpdump", "-q", "-n", "-tt", "-r", path);
        Assert.True(exitCode == 0, $"tcpdump failed: {errors}");

        // One summary line per packet; indented lines would be payload dumps.
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !char.IsWhiteSpace(line[0])).ToArray();
        Assert.Equal(FrameCount, lines.Length);
        for (var i = 0; i < FrameCount; i++)
        {
            var (seconds, microseconds, frame) = Sample(i);
            Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{seconds}.{microseconds:D6} "), lines[i], StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"length {frame.Length}"), lines[i], StringComparison.Ordinal);
        }
    }

    /// <summary>Converts <paramref name="source"/> with `editcap -F <paramref name="format"/>` into a file of the test folder.</summary>
    private string Editcap(string format, string source, string name)
    {
        var converted = _directory.File(name);
        var (exitCode, _, errors) = ExternalProgram.Run("editcap", "-F", format, source, converted);
        Assert.True(exitCode == 0, $"editcap failed: {errors}");
        return converted;
    }

    private static void AssertReadsBackAs(string path, CaptureFormat format)
    {
        using var reader = CaptureReader.Open(path);
        Assert.Equal(format, reader.Format);
        AssertSampleRecords(reader);
    }

    private static void AssertSampleRecords(CaptureReader reader)
    {
        for (var i = 0; i < FrameCount; i++)
        {
            Assert.True(reader.TryReadNext(out var record));
            var (seconds, microseconds, frame) = Sample(i);
            Assert.Equal(i, record.Index);
            Assert.Equal(1u, record.LinkType);
            Assert.Equal(seconds, record.TimestampSeconds);
            Assert.Equal(microseconds * 1000, record.TimestampNanoseconds);
            Assert.Equal(frame.Length, record.OriginalLength);
            Assert.Equal(frame, record.Data.ToArray());
        }

        Assert.False(reader.TryReadNext(out _));
    }

    /// <summary>Frame i: Ethernet header (MVPS MACs, EtherType 0x88B5 local experimental) and a patterned payload.</summary>
    private static (uint Seconds, uint Microseconds, byte[] Frame) Sample(int i)
    {
        var frame = new byte[60 + (i * 13 % 200)];
        byte[] header = [0x02, 0x4D, 0x56, 0x50, 0x53, 0x14, 0x02, 0x4D, 0x56, 0x50, 0x53, 0x0A, 0x88, 0xB5];
        header.CopyTo(frame, 0);
        for (var j = header.Length; j < frame.Length; j++)
        {
            frame[j] = (byte)((i * 31) + j);
        }

        return ((uint)(1_767_225_600 + (i / 10)), (uint)(i % 10 * 100_000 + i), frame);
    }

    private string WriteSample(string name)
    {
        var path = _directory.File(name);
        using var writer = new PcapWriter(File.Create(path));
        for (var i = 0; i < FrameCount; i++)
        {
            var (seconds, microseconds, frame) = Sample(i);
            writer.WriteRecord(seconds, microseconds, frame);
        }

        return path;
    }
}
