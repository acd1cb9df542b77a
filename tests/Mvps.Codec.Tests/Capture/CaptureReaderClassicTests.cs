using Mvps.Codec.Capture;

namespace Mvps.Codec.Tests.Capture;

public sealed class CaptureReaderClassicTests
{
    [Theory]
    [InlineData(false, false, CaptureFormat.PcapMicroseconds)]
    [InlineData(true, false, CaptureFormat.PcapMicroseconds)]
    [InlineData(false, true, CaptureFormat.PcapNanoseconds)]
    [InlineData(true, true, CaptureFormat.PcapNanoseconds)]
    public void Reads_hand_built_file_in_each_byte_order_and_resolution(bool bigEndian, bool nanoseconds, CaptureFormat format)
    {
        var fraction = nanoseconds ? 123_456_789u : 654_321u;
        var expectedNanoseconds = nanoseconds ? 123_456_789u : 654_321_000u;
        var bytes = new ClassicPcapBuilder(bigEndian, nanoseconds, snapLength: 96, linkType: 1)
            .Record(1_700_000_000, fraction, [1, 2, 3, 4, 5])
            .Record(0xFFFFFFFF, 0, 2, 60, [9, 8])
            .ToArray();

        using var reader = CaptureReader.Open(new MemoryStream(bytes), "hand.pcap");
        Assert.Equal(format, reader.Format);
        Assert.Equal(bigEndian, reader.IsBigEndian);
        Assert.Equal(96u, reader.SnapLength);
        Assert.Equal(1u, reader.LinkType);
        Assert.Equal("hand.pcap", reader.DisplayName);

        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal(0, first.Index);
        Assert.Equal(24, first.FileOffset);
        Assert.Equal(1_700_000_000, first.TimestampSeconds);
        Assert.Equal(expectedNanoseconds, first.TimestampNanoseconds);
        Assert.Equal(5, first.OriginalLength);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, first.Data.ToArray());

        Assert.True(reader.TryReadNext(out var second));
        Assert.Equal(1, second.Index);
        Assert.Equal(24 + 16 + 5, second.FileOffset);
        Assert.Equal(4_294_967_295L, second.TimestampSeconds);
        Assert.Equal(0u, second.TimestampNanoseconds);
        Assert.Equal(60, second.OriginalLength);
        Assert.Equal(new byte[] { 9, 8 }, second.Data.ToArray());

        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void Header_only_file_has_no_records()
    {
        var bytes = new ClassicPcapBuilder(false, false).ToArray();
        using var reader = CaptureReader.Open(new MemoryStream(bytes), "empty-capture.pcap");
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void Accepts_other_minor_versions_of_2()
    {
        var bytes = new ClassicPcapBuilder(false, false, versionMinor: 3).Record(1, 2, [7]).ToArray();
        using var reader = CaptureReader.Open(new MemoryStream(bytes), "old.pcap");
        Assert.True(reader.TryReadNext(out var record));
        Assert.Equal(7, record.Data[0]);
    }

    [Fact]
    public void Reports_link_type_without_judging_it()
    {
        var bytes = new ClassicPcapBuilder(false, false, linkType: 101).Record(1, 2, [0x45]).ToArray();
        using var reader = CaptureReader.Open(new MemoryStream(bytes), "raw-ip.pcap");
        Assert.Equal(101u, reader.LinkType);
        Assert.True(reader.TryReadNext(out var record));
        Assert.Equal(101u, record.LinkType);
    }

    [Fact]
    public void Reads_a_record_of_the_maximum_size()
    {
        var frame = new byte[262144];
        frame[0] = 0x11;
        frame[^1] = 0x22;
        var bytes = new ClassicPcapBuilder(false, false, snapLength: 262144).Record(5, 6, frame).Record(7, 8, [3]).ToArray();
        using var reader = CaptureReader.Open(new MemoryStream(bytes), "jumbo.pcap");
        Assert.True(reader.TryReadNext(out var big));
        Assert.Equal(262144, big.Data.Length);
        Assert.Equal(0x11, big.Data[0]);
        Assert.Equal(0x22, big.Data[^1]);
        Assert.True(reader.TryReadNext(out var small));
        Assert.Equal(3, small.Data[0]);
        Assert.False(reader.TryReadNext(out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    public void Records_split_across_tiny_reads_are_reassembled(int bytesPerRead)
    {
        var builder = new ClassicPcapBuilder(true, true);
        for (uint i = 0; i < 50; i++)
        {
            builder.Record(i, i * 3, Enumerable.Range(0, (int)(i % 23)).Select(j => (byte)(i + j)).ToArray());
        }

        using var reader = CaptureReader.Open(new TrickleStream(builder.ToArray(), bytesPerRead), "trickle.pcap");
        for (uint i = 0; i < 50; i++)
        {
            Assert.True(reader.TryReadNext(out var record));
            Assert.Equal(i, record.TimestampSeconds);
            Assert.Equal(i * 3, record.TimestampNanoseconds);
            Assert.Equal(Enumerable.Range(0, (int)(i % 23)).Select(j => (byte)(i + j)).ToArray(), record.Data.ToArray());
        }

        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void Open_path_reads_a_file_and_names_it_by_path()
    {
        using var temp = new TempFolder();
        var path = temp.File("open-path-test.pcap");
        try
        {
            File.WriteAllBytes(path, new ClassicPcapBuilder(false, false).Record(10, 20, [1, 2]).ToArray());
            using (var reader = CaptureReader.Open(path))
            {
                Assert.Equal(path, reader.DisplayName);
                Assert.True(reader.TryReadNext(out var record));
                Assert.Equal(20_000u, record.TimestampNanoseconds);
                Assert.False(reader.TryReadNext(out _));
            }

            // The reader closed its file: it can be deleted and rewritten at once.
            File.WriteAllBytes(path, [0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Leave_open_controls_disposal_of_the_stream()
    {
        var bytes = new ClassicPcapBuilder(false, false).ToArray();
        var kept = new TrickleStream(bytes, 1000);
        CaptureReader.Open(kept, "kept.pcap", leaveOpen: true).Dispose();
        Assert.False(kept.WasDisposed);

        var owned = new TrickleStream(bytes, 1000);
        CaptureReader.Open(owned, "owned.pcap").Dispose();
        Assert.True(owned.WasDisposed);
    }

    [Fact]
    public void A_stream_that_fails_the_header_check_is_disposed_unless_leave_open()
    {
        var owned = new TrickleStream([1, 2, 3, 4, 5, 6, 7, 8], 1000);
        Assert.Throws<CaptureFormatException>(() => CaptureReader.Open(owned, "junk.bin"));
        Assert.True(owned.WasDisposed);

        var kept = new TrickleStream([1, 2, 3, 4, 5, 6, 7, 8], 1000);
        Assert.Throws<CaptureFormatException>(() => CaptureReader.Open(kept, "junk.bin", leaveOpen: true));
        Assert.False(kept.WasDisposed);
    }

    [Fact]
    public void Reading_after_dispose_throws()
    {
        var reader = CaptureReader.Open(new MemoryStream(new ClassicPcapBuilder(false, false).ToArray()), "x.pcap");
        reader.Dispose();
        Assert.Throws<ObjectDisposedException>(() => reader.TryReadNext(out _));
    }
}
