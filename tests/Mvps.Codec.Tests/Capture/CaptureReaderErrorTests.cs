using Mvps.Codec.Capture;

namespace Mvps.Codec.Tests.Capture;

/// <summary>Every malformed input gives one line naming the file, record (when known), offset and problem.</summary>
public sealed class CaptureReaderErrorTests
{
    private static readonly byte[] Frame110 = new byte[110];

    [Fact]
    public void Empty_file()
    {
        var error = OpenFails([], "empty.pcap");
        Assert.Equal("empty.pcap: offset 0: empty file, not a capture", error.Message);
        Assert.Null(error.RecordIndex);
        Assert.Equal(0, error.Offset);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(23)]
    public void File_shorter_than_the_header(int length)
    {
        var bytes = new ClassicPcapBuilder(false, false).ToArray()[..length];
        var error = OpenFails(bytes, "short.pcap");
        Assert.Equal($"short.pcap: offset 0: file is {length} bytes, shorter than the 24-byte pcap header", error.Message);
    }

    [Fact]
    public void Unknown_magic_is_printed_in_hex()
    {
        var error = OpenFails("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray(), "request.txt");
        Assert.Equal("request.txt: offset 0: unknown magic 47 45 54 20: not a pcap or pcapng file", error.Message);
    }

    [Fact]
    public void Unsupported_classic_version()
    {
        var error = OpenFails(new ClassicPcapBuilder(true, false, versionMajor: 3, versionMinor: 0).ToArray(), "v3.pcap");
        Assert.Equal("v3.pcap: offset 4: unsupported pcap version 3.0 (expected 2.x)", error.Message);
    }

    [Fact]
    public void Included_length_beyond_the_maximum_record_size()
    {
        var builder = new ClassicPcapBuilder(false, false);
        for (uint i = 0; i < 12; i++)
        {
            builder.Record(i, 0, Frame110);
        }

        builder.Record(12, 0, uint.MaxValue, uint.MaxValue, []);
        var error = ReadFails(builder.ToArray(), "capture.pcap", expectedGoodRecords: 12);
        Assert.Equal("capture.pcap: record 12 at offset 1536: incl_len 4294967295 exceeds the maximum record size 262144", error.Message);
        Assert.Equal(12, error.RecordIndex);
        Assert.Equal(1536, error.Offset);
    }

    [Fact]
    public void Included_length_beyond_the_snap_length()
    {
        var bytes = new ClassicPcapBuilder(false, false, snapLength: 64).Record(1, 0, 65, 65, new byte[65]).ToArray();
        var error = ReadFails(bytes, "snap.pcap", expectedGoodRecords: 0);
        Assert.Equal("snap.pcap: record 0 at offset 24: incl_len 65 exceeds the snap length 64 of the file header", error.Message);
    }

    [Fact]
    public void Included_length_beyond_the_original_length()
    {
        var bytes = new ClassicPcapBuilder(true, true).Record(1, 0, [1]).Record(1, 0, 10, 9, new byte[10]).ToArray();
        var error = ReadFails(bytes, "orig.pcap", expectedGoodRecords: 1);
        Assert.Equal("orig.pcap: record 1 at offset 41: incl_len 10 exceeds orig_len 9", error.Message);
    }

    [Theory]
    [InlineData(false, 1_000_000u, "timestamp microseconds 1000000 not below 1000000")]
    [InlineData(true, 1_000_000_000u, "timestamp nanoseconds 1000000000 not below 1000000000")]
    public void Timestamp_fraction_of_a_full_second(bool nanoseconds, uint fraction, string problem)
    {
        var bytes = new ClassicPcapBuilder(false, nanoseconds).Record(1, fraction, [1]).ToArray();
        var error = ReadFails(bytes, "ts.pcap", expectedGoodRecords: 0);
        Assert.Equal($"ts.pcap: record 0 at offset 24: {problem}", error.Message);
    }

    [Fact]
    public void Record_header_cut_short()
    {
        var bytes = new ClassicPcapBuilder(false, false).Record(1, 0, Frame110).Raw(new byte[10]).ToArray();
        var error = ReadFails(bytes, "cut.pcap", expectedGoodRecords: 1);
        Assert.Equal("cut.pcap: record 1 at offset 150: truncated: record needs 16 bytes, only 10 remain", error.Message);
    }

    [Fact]
    public void Record_data_cut_short()
    {
        var bytes = new ClassicPcapBuilder(false, false).Record(1, 0, 110, 110, new byte[50]).ToArray();
        var error = ReadFails(bytes, "cut.pcap", expectedGoodRecords: 0);
        Assert.Equal("cut.pcap: record 0 at offset 24: truncated: record needs 126 bytes, only 66 remain", error.Message);
    }

    [Fact]
    public void The_error_repeats_on_later_calls()
    {
        var bytes = new ClassicPcapBuilder(false, false).Raw(new byte[3]).ToArray();
        using var reader = CaptureReader.Open(new MemoryStream(bytes), "again.pcap");
        var first = Assert.Throws<CaptureFormatException>(() => reader.TryReadNext(out _));
        var second = Assert.Throws<CaptureFormatException>(() => reader.TryReadNext(out _));
        Assert.Equal(first.Message, second.Message);
    }

    [Fact]
    public void Message_stays_on_one_line_whatever_the_file_is_called()
    {
        var error = OpenFails([], "evil\nname.pcap");
        Assert.Equal("evil?name.pcap: offset 0: empty file, not a capture", error.Message);
        Assert.Equal("evil\nname.pcap", error.DisplayName);
    }

    [Fact]
    public void Pcapng_block_length_not_a_multiple_of_4()
    {
        var builder = Section(false).InterfaceDescription();
        var offset = builder.Length;
        var bytes = builder.RawBlock(PcapngBuilder.BlockType.EnhancedPacket, 34, new byte[22], 34).ToArray();
        var error = ReadFails(bytes, "odd.pcapng", expectedGoodRecords: 0);
        Assert.Equal($"odd.pcapng: record 0 at offset {offset}: enhanced packet block total length 34 is not a multiple of 4", error.Message);
    }

    [Fact]
    public void Pcapng_block_length_below_12()
    {
        var builder = Section(true);
        var offset = builder.Length;
        var bytes = builder.RawBlock((PcapngBuilder.BlockType)0x0BADBEEF, 8, [], null).Raw(new byte[8]).ToArray();
        var error = OpenFails(bytes, "tiny.pcapng");
        Assert.Equal($"tiny.pcapng: offset {offset}: block of type 0x0badbeef total length 8 is less than 12", error.Message);
    }

    [Fact]
    public void Pcapng_block_length_below_the_block_minimum()
    {
        var builder = Section(false);
        var offset = builder.Length;
        var bytes = builder.RawBlock(PcapngBuilder.BlockType.InterfaceDescription, 16, new byte[4], 16).ToArray();
        var error = OpenFails(bytes, "idb.pcapng");
        Assert.Equal($"idb.pcapng: offset {offset}: interface description block total length 16 is less than its minimum 20", error.Message);
    }

    /// <summary>
    /// After one good packet, what the file ends inside: name, those bytes, where the message says the problem is
    /// ("record 1 at " while a packet block is read), and the problem.
    /// </summary>
    public static TheoryData<string, byte[], string, string> CutShortBlocks => new()
    {
        // A packet block past the end of the file.
        { "short.pcapng", LittleEndianBlock(PcapngBuilder.BlockType.EnhancedPacket, 1000, 40), "record 1 at ", "truncated: block needs 1000 bytes, only 48 remain" },
        // A block that would be skipped, past the end of the file.
        { "custom.pcapng", LittleEndianBlock(PcapngBuilder.BlockType.Custom, 4_000_000, 100), "", "truncated: custom block needs 4000000 bytes, only 108 remain" },
        // A block header cut short.
        { "stub.pcapng", [6, 0, 0, 0, 32], "", "truncated: block header needs 8 bytes, only 5 remain" },
    };

    [Theory]
    [MemberData(nameof(CutShortBlocks))]
    public void Pcapng_file_ends_inside_a_block(string name, byte[] tail, string record, string problem)
    {
        var builder = Section(false).InterfaceDescription().EnhancedPacket(0, 0, [1]);
        var offset = builder.Length;
        var bytes = builder.Raw(tail).ToArray();
        var error = ReadFails(bytes, name, expectedGoodRecords: 1);
        Assert.Equal($"{name}: {record}offset {offset}: {problem}", error.Message);
    }

    [Theory]
    [InlineData((uint)PcapngBuilder.BlockType.EnhancedPacket)]
    [InlineData((uint)PcapngBuilder.BlockType.NameResolution)]
    public void Pcapng_trailing_length_mismatch(uint type)
    {
        var builder = Section(true).InterfaceDescription();
        var offset = builder.Length;
        var body = type == (uint)PcapngBuilder.BlockType.EnhancedPacket ? new byte[20] : new byte[4];
        var total = (uint)(12 + body.Length);
        var bytes = builder.RawBlock((PcapngBuilder.BlockType)type, total, body, total + 4).Raw(new byte[4]).ToArray();
        var error = Assert.Throws<CaptureFormatException>(() =>
        {
            using var reader = CaptureReader.Open(new MemoryStream(bytes), "trailer.pcapng");
            reader.TryReadNext(out _);
        });
        Assert.Equal(offset, error.Offset);
        Assert.EndsWith($"offset {offset}: trailing block length {total + 4} does not match the leading block length {total}", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("trailer.pcapng: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pcapng_packet_on_an_interface_without_description()
    {
        var builder = Section(false).InterfaceDescription().EnhancedPacket(0, 0, [1]);
        var offset = builder.Length;
        var bytes = builder.EnhancedPacket(3, 0, [1]).ToArray();
        var error = ReadFails(bytes, "iface.pcapng", expectedGoodRecords: 1);
        Assert.Equal(
            $"iface.pcapng: record 1 at offset {offset}: packet on interface 3, but the section has 1 interface description block(s), none for it",
            error.Message);
    }

    [Fact]
    public void Pcapng_simple_packet_before_any_interface()
    {
        var builder = Section(false);
        var offset = builder.Length;
        var bytes = builder.SimplePacket(1, [1]).ToArray();
        var error = ReadFails(bytes, "spb.pcapng", expectedGoodRecords: 0);
        Assert.Equal($"spb.pcapng: record 0 at offset {offset}: packet on interface 0, but the section has 0 interface description block(s), none for it", error.Message);
    }

    [Theory]
    [InlineData((byte)20, "unsupported if_tsresol 0x14 (10^-20 s)")]
    [InlineData((byte)0xC0, "unsupported if_tsresol 0xc0 (2^-64 s)")]
    public void Pcapng_unsupported_timestamp_resolution(byte tsresol, string problem)
    {
        var builder = Section(false);
        var bytes = builder.InterfaceDescription(tsresol: tsresol).ToArray();
        var error = OpenFails(bytes, "res.pcapng");
        Assert.Null(error.RecordIndex);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("res.pcapng: offset ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pcapng_bad_byte_order_magic()
    {
        var bytes = new PcapngBuilder(false).RawBlock(PcapngBuilder.BlockType.SectionHeader, 28, [1, 2, 3, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 28).ToArray();
        var error = OpenFails(bytes, "bom.pcapng");
        Assert.Equal("bom.pcapng: offset 0: section header block has byte-order magic 0x04030201, expected 0x1a2b3c4d in either byte order", error.Message);
    }

    [Fact]
    public void Pcapng_unsupported_version()
    {
        var bytes = new PcapngBuilder(true).SectionHeader(versionMajor: 2).ToArray();
        var error = OpenFails(bytes, "v2.pcapng");
        Assert.Equal("v2.pcapng: offset 0: unsupported pcapng version 2.0 (expected 1.x)", error.Message);
    }

    /// <summary>
    /// An enhanced packet block whose captured length breaks one limit (the interface snap length, the original length, the
    /// maximum record size, its own block), named by the problem; the data are the bytes 1, 2, 3, ...
    /// </summary>
    [Theory]
    [InlineData(4u, 5, null, null, "snap.pcapng", "captured length 5 exceeds the snap length 4 of interface 0")]
    [InlineData(0u, 3, 2u, null, "orig.pcapng", "captured length 3 exceeds original length 2")]
    [InlineData(0u, 1, 300_000u, 300_000u, "huge.pcapng", "captured length 300000 exceeds the maximum record size 262144")]
    [InlineData(0u, 4, 40u, 40u, "fit.pcapng", "captured length 40 does not fit in a block of total length 52")]
    public void Pcapng_captured_length_beyond_a_limit(uint snapLength, int dataLength, uint? originalLength, uint? capturedLength, string name, string problem)
    {
        var builder = Section(false).InterfaceDescription(snapLength: snapLength);
        var offset = builder.Length;
        var data = Enumerable.Range(1, dataLength).Select(b => (byte)b).ToArray();
        var bytes = builder.EnhancedPacket(0, 0, data, originalLength, capturedLength).ToArray();
        var error = ReadFails(bytes, name, expectedGoodRecords: 0);
        Assert.Equal($"{name}: record 0 at offset {offset}: {problem}", error.Message);
    }

    [Fact]
    public void Pcapng_packet_block_larger_than_the_buffer_is_refused_not_allocated()
    {
        var builder = Section(false).InterfaceDescription();
        var offset = builder.Length;
        var bytes = builder.RawBlock(PcapngBuilder.BlockType.EnhancedPacket, 0xFFFFFFFC, new byte[28], null).ToArray();
        var error = ReadFails(bytes, "big.pcapng", expectedGoodRecords: 0);
        Assert.Equal($"big.pcapng: record 0 at offset {offset}: enhanced packet block total length 4294967292 exceeds the maximum block size 1048576", error.Message);
    }

    [Fact]
    public void Pcapng_interface_table_is_bounded()
    {
        var builder = Section(false);
        for (var i = 0; i < 65536; i++)
        {
            builder.InterfaceDescription();
        }

        var offset = builder.Length;
        var bytes = builder.InterfaceDescription().ToArray();
        var error = OpenFails(bytes, "many.pcapng");
        Assert.Equal($"many.pcapng: offset {offset}: more than 65536 interface description blocks in one section", error.Message);
    }

    /// <summary>A little-endian block header of <paramref name="type"/> claiming <paramref name="totalLength"/>, and a body of zeros.</summary>
    private static byte[] LittleEndianBlock(PcapngBuilder.BlockType type, uint totalLength, int bodyLength) =>
        new PcapngBuilder(false).RawBlock(type, totalLength, new byte[bodyLength], null).ToArray();

    private static PcapngBuilder Section(bool bigEndian) => new PcapngBuilder(bigEndian).SectionHeader().Block(PcapngBuilder.BlockType.NameResolution, [0, 0, 0, 0]);

    private static CaptureFormatException OpenFails(byte[] bytes, string name) =>
        Assert.Throws<CaptureFormatException>(() => CaptureReader.Open(new MemoryStream(bytes), name));

    private static CaptureFormatException ReadFails(byte[] bytes, string name, int expectedGoodRecords)
    {
        using var reader = CaptureReader.Open(new MemoryStream(bytes), name);
        for (var i = 0; i < expectedGoodRecords; i++)
        {
            Assert.True(reader.TryReadNext(out var record));
            Assert.Equal(i, record.Index);
        }

        var error = Assert.Throws<CaptureFormatException>(() => reader.TryReadNext(out _));
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(name + ": ", error.Message, StringComparison.Ordinal);
        return error;
    }
}
