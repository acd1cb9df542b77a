using Mvps.Codec.Capture;

namespace Mvps.Codec.Tests.Capture;

/// <summary>Memory stays constant however long the capture, and the per-record path allocates nothing.</summary>
public sealed class CaptureReaderStreamingTests
{
    [Fact]
    public void Two_million_fabricated_records_are_read_in_constant_memory()
    {
        const long records = 2_000_000;
        const int frameLength = 110;
        var stream = new FabricatedPcapStream(records, frameLength);

        var before = GC.GetAllocatedBytesForCurrentThread();
        long count = 0;
        long checksumMismatches = 0;
        using (var reader = CaptureReader.Open(stream, "fabricated.pcap"))
        {
            while (reader.TryReadNext(out var record))
            {
                if (record.Index != count
                    || record.TimestampSeconds != count
                    || record.TimestampNanoseconds != (uint)(count % 1_000_000) * 1000
                    || record.Data.Length != frameLength
                    || record.Data[0] != FabricatedPcapStream.ExpectedByte(count, 0)
                    || record.Data[frameLength - 1] != FabricatedPcapStream.ExpectedByte(count, frameLength - 1)
                    || record.FileOffset != 24 + (count * (16 + frameLength)))
                {
                    checksumMismatches++;
                }

                count++;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(records, count);
        Assert.Equal(0, checksumMismatches);
        Assert.Equal(24 + (records * (16 + frameLength)), stream.BytesProduced); // 252 MB streamed
        Assert.True(allocated < 4 * 1024 * 1024, $"reading allocated {allocated} bytes");
    }

    [Fact]
    public void Reading_100k_classic_records_from_a_file_allocates_nothing_per_record()
    {
        using var temp = new TempFolder();
        var path = temp.File("alloc-test.pcap");
        try
        {
            using (var writer = new PcapWriter(File.Create(path)))
            {
                var frame = new byte[110];
                for (var i = 0; i < 100_000; i++)
                {
                    frame[0] = (byte)i;
                    writer.WriteRecord((uint)i, (uint)(i % 1_000_000), frame);
                }
            }

            using var reader = CaptureReader.Open(path);
            Assert.True(reader.TryReadNext(out _)); // warm up (JIT, first fill)
            var before = GC.GetAllocatedBytesForCurrentThread();
            long count = 1;
            long byteSum = 0;
            while (reader.TryReadNext(out var record))
            {
                byteSum += record.Data[0];
                count++;
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(100_000, count);
            Assert.Equal(Enumerable.Range(1, 99_999).Sum(i => (long)(byte)i), byteSum);
            Assert.True(allocated < 8 * 1024, $"100k records allocated {allocated} bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reading_100k_pcapng_records_allocates_nothing_per_record()
    {
        var builder = new PcapngBuilder(true).SectionHeader().InterfaceDescription(tsresol: 9);
        var frame = new byte[110];
        for (var i = 0; i < 100_000; i++)
        {
            frame[0] = (byte)i;
            builder.EnhancedPacket(0, (ulong)i * 1_000_000_007UL, frame);
            if (i % 1000 == 0)
            {
                builder.Block(PcapngBuilder.BlockType.InterfaceStatistics, new byte[20]);
            }
        }

        using var reader = CaptureReader.Open(new MemoryStream(builder.ToArray()), "alloc.pcapng");
        Assert.True(reader.TryReadNext(out _));
        var before = GC.GetAllocatedBytesForCurrentThread();
        long count = 1;
        long lastSeconds = 0;
        while (reader.TryReadNext(out var record))
        {
            lastSeconds = record.TimestampSeconds;
            count++;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(100_000, count);
        Assert.Equal(99_999L * 1_000_000_007L / 1_000_000_000L, lastSeconds);
        Assert.True(allocated < 8 * 1024, $"100k records allocated {allocated} bytes");
    }
}
