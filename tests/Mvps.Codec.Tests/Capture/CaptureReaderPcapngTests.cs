using Mvps.Codec.Capture;

namespace Mvps.Codec.Tests.Capture;

public sealed class CaptureReaderPcapngTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_section_interface_and_enhanced_packets_in_either_byte_order(bool bigEndian)
    {
        var builder = new PcapngBuilder(bigEndian).SectionHeader().InterfaceDescription(linkType: 1, snapLength: 200);
        var firstOffset = builder.Length;
        builder.EnhancedPacket(0, 1_700_000_000_123_456UL, [1, 2, 3, 4, 5]);
        var secondOffset = builder.Length;
        builder.EnhancedPacket(0, 1_700_000_001_000_001UL, [6, 7], originalLength: 1514);
        var bytes = builder.ToArray();

        using var reader = CaptureReader.Open(new MemoryStream(bytes), "hand.pcapng");
        Assert.Equal(CaptureFormat.Pcapng, reader.Format);
        Assert.Equal(bigEndian, reader.IsBigEndian);
        Assert.Equal(1u, reader.LinkType);
        Assert.Equal(200u, reader.SnapLength);

        AssertNextRecord(reader, 0, firstOffset, 1_700_000_000, 123_456_000u, 5, [1, 2, 3, 4, 5]);
        AssertNextRecord(reader, 1, secondOffset, 1_700_000_001, 1_000u, 1514, [6, 7]);
        Assert.False(reader.TryReadNext(out _));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Simple_packet_blocks_use_interface_zero_and_no_timestamp(bool bigEndian)
    {
        var bytes = new PcapngBuilder(bigEndian)
            .SectionHeader()
            .InterfaceDescription(linkType: 1, snapLength: 0, tsresol: 9)
            .SimplePacket(5, [1, 2, 3, 4, 5])
            .SimplePacket(1000, [9, 9, 9, 9, 9, 9, 9, 9]) // original longer than captured: block holds 8 bytes
            .ToArray();

        using var reader = CaptureReader.Open(new MemoryStream(bytes), "simple.pcapng");
        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal(0, first.TimestampSeconds);
        Assert.Equal(0u, first.TimestampNanoseconds);
        Assert.Equal(5, first.OriginalLength);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, first.Data.ToArray());

        Assert.True(reader.TryReadNext(out var second));
        Assert.Equal(1000, second.OriginalLength);
        Assert.Equal(8, second.Data.Length);
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void Simple_packet_is_cut_to_the_interface_snap_length()
    {
        var bytes = new PcapngBuilder(false)
            .SectionHeader()
            .InterfaceDescription(snapLength: 4)
            .SimplePacket(8, [1, 2, 3, 4, 5, 6, 7, 8])
            .ToArray();

        using var reader = CaptureReader.Open(new MemoryStream(bytes), "snapped.pcapng");
        Assert.True(reader.TryReadNext(out var record));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, record.Data.ToArray());
        Assert.Equal(8, record.OriginalLength);
    }

    [Fact]
    public void Unknown_and_non_packet_blocks_are_skipped_by_their_length()
    {
        var big = new byte[3 << 20]; // larger than the read buffer: must be streamed past, not loaded
        big[0] = 0xAB;
        var builder = new PcapngBuilder(false)
            .SectionHeader()
            .Block(PcapngBuilder.BlockType.NameResolution, [0, 0, 0, 0])
            .InterfaceDescription()
            .EnhancedPacket(0, 1, [1])
            .Block(PcapngBuilder.BlockType.InterfaceStatistics, new byte[20])
            .Block(PcapngBuilder.BlockType.Custom, big)
            .Block((PcapngBuilder.BlockType)0x12345678, [1, 2, 3, 4, 5, 6, 7])
            .Block((PcapngBuilder.BlockType)0x0000000A, new byte[16]);
        var lastOffset = builder.Length;
        var bytes = builder.EnhancedPacket(0, 2, [2]).Block(PcapngBuilder.BlockType.InterfaceStatistics, new byte[20]).ToArray();

        using var reader = CaptureReader.Open(new TrickleStream(bytes, 100_000), "skips.pcapng");
        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal(1, first.Data[0]);
        Assert.True(reader.TryReadNext(out var second));
        Assert.Equal(1, second.Index);
        Assert.Equal(lastOffset, second.FileOffset);
        Assert.Equal(2, second.Data[0]);
        Assert.Equal(2_000u, second.TimestampNanoseconds);
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void Each_interface_has_its_own_timestamp_resolution_and_link_type()
    {
        var bytes = new PcapngBuilder(false)
            .SectionHeader()
            .InterfaceDescription(linkType: 1, tsresol: 6)
            .InterfaceDescription(linkType: 101, tsresol: 9)
            .InterfaceDescription(linkType: 1, tsresol: 0x8A) // 2^-10 s
            .InterfaceDescription(linkType: 1) // no option: microseconds
            .EnhancedPacket(0, 1_700_000_000_123_456UL, [0])
            .EnhancedPacket(1, 1_700_000_000_987_654_321UL, [1])
            .EnhancedPacket(2, (1_700_000_000UL << 10) + 512, [2])
            .EnhancedPacket(2, (1_700_000_000UL << 10) + 1, [3])
            .EnhancedPacket(3, 42_000_007UL, [4])
            .ToArray();

        using var reader = CaptureReader.Open(new MemoryStream(bytes), "multi.pcapng");
        Assert.Equal(1u, reader.LinkType);

        Assert.True(reader.TryReadNext(out var micro));
        Assert.Equal((1_700_000_000L, 123_456_000u, 1u), (micro.TimestampSeconds, micro.TimestampNanoseconds, micro.LinkType));

        Assert.True(reader.TryReadNext(out var nano));
        Assert.Equal((1_700_000_000L, 987_654_321u, 101u), (nano.TimestampSeconds, nano.TimestampNanoseconds, nano.LinkType));
        Assert.Equal(101u, reader.LinkType);

        Assert.True(reader.TryReadNext(out var half));
        Assert.Equal((1_700_000_000L, 500_000_000u), (half.TimestampSeconds, half.TimestampNanoseconds));
        Assert.Equal(1u, reader.LinkType);

        Assert.True(reader.TryReadNext(out var tick));
        Assert.Equal((1_700_000_000L, 976_562u), (tick.TimestampSeconds, tick.TimestampNanoseconds)); // 1e9/1024 truncated

        Assert.True(reader.TryReadNext(out var fallback));
        Assert.Equal((42L, 7_000u), (fallback.TimestampSeconds, fallback.TimestampNanoseconds));
        Assert.False(reader.TryReadNext(out _));
    }

    [Theory]
    [InlineData((byte)0, 1_234UL, 1_234L, 0u)]
    [InlineData((byte)3, 1_234UL, 1L, 234_000_000u)]
    [InlineData((byte)12, 1_234_567_891_234UL, 1L, 234_567_891u)]
    [InlineData((byte)19, 12_345_678_901_234_567_890UL, 1L, 234_567_890u)]
    [InlineData((byte)0x80, 77UL, 77L, 0u)]
    [InlineData((byte)0xBF, 3UL << 62, 1L, 500_000_000u)] // 2^-63: 1.5 s
    public void Timestamp_resolutions_convert_exactly(byte tsresol, ulong ticks, long seconds, uint nanoseconds)
    {
        var bytes = new PcapngBuilder(true).SectionHeader().InterfaceDescription(tsresol: tsresol).EnhancedPacket(0, ticks, [1]).ToArray();
        using var reader = CaptureReader.Open(new MemoryStream(bytes), "resolution.pcapng");
        Assert.True(reader.TryReadNext(out var record));
        Assert.Equal(seconds, record.TimestampSeconds);
        Assert.Equal(nanoseconds, record.TimestampNanoseconds);
    }

    [Fact]
    public void Interface_timestamp_offset_is_added()
    {
        var bytes = new PcapngBuilder(false).SectionHeader().InterfaceDescription(tsoffset: 1_000).EnhancedPacket(0, 5_000_001, [1]).ToArray();
        using var reader = CaptureReader.Open(new MemoryStream(bytes), "offset.pcapng");
        Assert.True(reader.TryReadNext(out var record));
        Assert.Equal(1_005, record.TimestampSeconds);
        Assert.Equal(1_000u, record.TimestampNanoseconds);
    }

    [Fact]
    public void Multiple_sections_switch_byte_order_and_reset_interfaces()
    {
        var builder = new PcapngBuilder(false)
            .SectionHeader()
            .InterfaceDescription(linkType: 1)
            .InterfaceDescription(linkType: 1)
            .EnhancedPacket(1, 3_000_000, [1])
            .SectionHeader(bigEndian: true)
            .InterfaceDescription(linkType: 1, tsresol: 9)
            .EnhancedPacket(0, 3_000_000, [2])
            .SectionHeader(bigEndian: false)
            .InterfaceDescription(linkType: 1);
        var badOffset = builder.Length;
        var bytes = builder.EnhancedPacket(1, 0, [3]).ToArray(); // interface 1 existed only in section 1

        using var reader = CaptureReader.Open(new MemoryStream(bytes), "sections.pcapng");
        Assert.False(reader.IsBigEndian);
        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal((3L, 0u), (first.TimestampSeconds, first.TimestampNanoseconds));

        Assert.True(reader.TryReadNext(out var second));
        Assert.True(reader.IsBigEndian);
        Assert.Equal(1, second.Index);
        Assert.Equal((0L, 3_000_000u), (second.TimestampSeconds, second.TimestampNanoseconds));
        Assert.Equal(2, second.Data[0]);

        var error = Assert.Throws<CaptureFormatException>(() => reader.TryReadNext(out _));
        Assert.False(reader.IsBigEndian);
        Assert.Equal(2, error.RecordIndex);
        Assert.Equal(badOffset, error.Offset);
        Assert.Contains("interface 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Obsolete_packet_blocks_are_read()
    {
        var bytes = new PcapngBuilder(true).SectionHeader().InterfaceDescription().ObsoletePacket(0, 9_000_002, [5, 6]).ToArray();
        using var reader = CaptureReader.Open(new MemoryStream(bytes), "old.pcapng");
        Assert.True(reader.TryReadNext(out var record));
        Assert.Equal((9L, 2_000u), (record.TimestampSeconds, record.TimestampNanoseconds));
        Assert.Equal(new byte[] { 5, 6 }, record.Data.ToArray());
    }

    [Fact]
    public void Section_without_packets_is_an_empty_capture()
    {
        var bytes = new PcapngBuilder(false).SectionHeader().ToArray();
        using var reader = CaptureReader.Open(new MemoryStream(bytes), "bare.pcapng");
        Assert.Equal(CaptureFormat.Pcapng, reader.Format);
        Assert.Equal(0u, reader.LinkType);
        Assert.False(reader.TryReadNext(out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Blocks_split_across_tiny_reads_are_reassembled(int bytesPerRead)
    {
        var builder = new PcapngBuilder(true).SectionHeader().InterfaceDescription(tsresol: 9);
        for (var i = 0; i < 40; i++)
        {
            builder.EnhancedPacket(0, (ulong)i * 1_000_000_001UL, Enumerable.Repeat((byte)i, i % 9).ToArray());
            if (i % 7 == 0)
            {
                builder.Block(PcapngBuilder.BlockType.InterfaceStatistics, new byte[12]);
            }
        }

        using var reader = CaptureReader.Open(new TrickleStream(builder.ToArray(), bytesPerRead), "trickle.pcapng");
        for (var i = 0; i < 40; i++)
        {
            Assert.True(reader.TryReadNext(out var record));
            Assert.Equal((long)i, record.TimestampSeconds);
            Assert.Equal((uint)i, record.TimestampNanoseconds);
            Assert.Equal(Enumerable.Repeat((byte)i, i % 9).ToArray(), record.Data.ToArray());
        }

        Assert.False(reader.TryReadNext(out _));
    }

    /// <summary>Reads the next record of an Ethernet interface and checks its place in the file, its time, lengths and bytes.</summary>
    private static void AssertNextRecord(CaptureReader reader, long index, long fileOffset, long seconds, uint nanoseconds, int originalLength, byte[] data)
    {
        Assert.True(reader.TryReadNext(out var record));
        Assert.Equal(index, record.Index);
        Assert.Equal(fileOffset, record.FileOffset);
        Assert.Equal(seconds, record.TimestampSeconds);
        Assert.Equal(nanoseconds, record.TimestampNanoseconds);
        Assert.Equal(originalLength, record.OriginalLength);
        Assert.Equal(1u, record.LinkType);
        Assert.Equal(data, record.Data.ToArray());
    }
}
