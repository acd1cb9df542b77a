using Mvps.Codec.Capture;

namespace Mvps.Codec.Tests.Capture;

public sealed class PcapWriterTests
{
    [Fact]
    public void Header_and_record_bytes_are_exact()
    {
        using var output = new MemoryStream();
        using (var writer = new PcapWriter(output, leaveOpen: true))
        {
            writer.WriteRecord(0x01020304, 999_999, [0xAA, 0xBB, 0xCC]);
            Assert.Equal(24 + 16 + 3, writer.BytesWritten);
        }

        byte[] expected =
        [
            // global header: magic a1b2c3d4 LE, version 2.4, thiszone 0, sigfigs 0, snaplen 65535, linktype 1
            0xD4, 0xC3, 0xB2, 0xA1, 0x02, 0x00, 0x04, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0xFF, 0xFF, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
            // record header: ts_sec, ts_usec 999999 = 0x000F423F, incl_len 3, orig_len 3
            0x04, 0x03, 0x02, 0x01, 0x3F, 0x42, 0x0F, 0x00,
            0x03, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00,
            0xAA, 0xBB, 0xCC,
        ];
        Assert.Equal(expected, output.ToArray());
    }

    [Fact]
    public void Header_is_written_on_construction_with_given_snap_length()
    {
        using var output = new MemoryStream();
        using var writer = new PcapWriter(output, snapLength: 128, leaveOpen: true);
        var bytes = output.ToArray();
        Assert.Equal(24, bytes.Length);
        Assert.Equal(new byte[] { 0x80, 0x00, 0x00, 0x00 }, bytes[16..20]);
        Assert.Equal(24, writer.BytesWritten);
    }

    [Fact]
    public void Thirty_wire_frames_make_the_documented_evidence_size()
    {
        using var output = new MemoryStream();
        using (var writer = new PcapWriter(output, leaveOpen: true))
        {
            var frame = new byte[110];
            for (uint i = 0; i < 30; i++)
            {
                writer.WriteRecord(1_700_000_000 + (i / 10), (i % 10) * 100_000, frame);
            }

            Assert.Equal(3804, writer.BytesWritten);
        }

        Assert.Equal(3804, output.Length);
    }

    [Fact]
    public void Rejects_microseconds_of_a_full_second()
    {
        using var writer = new PcapWriter(new MemoryStream());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteRecord(1, 1_000_000, [1]));
        Assert.Equal("timestampMicroseconds", error.ParamName);
        Assert.Equal(24, writer.BytesWritten);
    }

    [Fact]
    public void Rejects_frame_longer_than_snap_length()
    {
        using var writer = new PcapWriter(new MemoryStream(), snapLength: 64);
        writer.WriteRecord(1, 0, new byte[64]);
        var error = Assert.Throws<ArgumentException>(() => writer.WriteRecord(1, 0, new byte[65]));
        Assert.Contains("65", error.Message, StringComparison.Ordinal);
        Assert.Equal(24 + 16 + 64, writer.BytesWritten);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(262145)]
    public void Rejects_snap_length_out_of_range(int snapLength)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PcapWriter(new MemoryStream(), snapLength));
    }

    [Fact]
    public void Dispose_closes_the_stream_unless_leave_open()
    {
        var closed = new MemoryStream();
        new PcapWriter(closed).Dispose();
        Assert.False(closed.CanWrite);

        var kept = new MemoryStream();
        new PcapWriter(kept, leaveOpen: true).Dispose();
        Assert.True(kept.CanWrite);
    }

    [Fact]
    public void Writing_after_dispose_throws()
    {
        var writer = new PcapWriter(new MemoryStream());
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.WriteRecord(0, 0, [1]));
    }

    [Fact]
    public void Write_then_read_round_trips_every_field()
    {
        using var output = new MemoryStream();
        using (var writer = new PcapWriter(output, leaveOpen: true))
        {
            for (var i = 0; i < 500; i++)
            {
                var frame = new byte[i % 200];
                for (var j = 0; j < frame.Length; j++)
                {
                    frame[j] = (byte)(i * 7 + j);
                }

                writer.WriteRecord((uint)(1_700_000_000 + i), (uint)(i * 1999 % 1_000_000), frame);
            }
        }

        output.Position = 0;
        using var reader = CaptureReader.Open(output, "roundtrip.pcap");
        Assert.Equal(CaptureFormat.PcapMicroseconds, reader.Format);
        Assert.False(reader.IsBigEndian);
        Assert.Equal(1u, reader.LinkType);
        Assert.Equal(65535u, reader.SnapLength);

        long expectedOffset = 24;
        for (var i = 0; i < 500; i++)
        {
            Assert.True(reader.TryReadNext(out var record));
            Assert.Equal(i, record.Index);
            Assert.Equal(expectedOffset, record.FileOffset);
            Assert.Equal(1_700_000_000 + i, record.TimestampSeconds);
            Assert.Equal((uint)(i * 1999 % 1_000_000) * 1000, record.TimestampNanoseconds);
            Assert.Equal(i % 200, record.OriginalLength);
            Assert.Equal(1u, record.LinkType);
            Assert.Equal(i % 200, record.Data.Length);
            for (var j = 0; j < record.Data.Length; j++)
            {
                Assert.Equal((byte)(i * 7 + j), record.Data[j]);
            }

            expectedOffset += 16 + record.Data.Length;
        }

        Assert.False(reader.TryReadNext(out _));
        Assert.False(reader.TryReadNext(out _));
    }
}
