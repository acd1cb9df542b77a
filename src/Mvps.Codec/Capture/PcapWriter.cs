using System.Buffers.Binary;
using System.Globalization;
using static Mvps.Codec.Capture.CaptureLayout;

namespace Mvps.Codec.Capture;

/// <summary>
/// Writes a classic libpcap file: little-endian, microsecond timestamps, version 2.4, LINKTYPE_ETHERNET.
/// The output is a pure function of the records written (no clock, no host data).
/// </summary>
public sealed class PcapWriter : IDisposable
{
    /// <summary>Length in bytes of the file header that starts every file this writer produces.</summary>
    public const int FileHeaderLength = PcapFileHeader.Length;

    /// <summary>Length in bytes of the header before each record's data; a 110-byte frame takes 16 + 110 bytes.</summary>
    public const int RecordHeaderLength = PcapRecordHeader.Length;

    /// <summary>The snap length written into the file header when none is given: 65535 bytes.</summary>
    public const int DefaultSnapLength = PcapFileHeader.DefaultSnapLength;

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly int _snapLength;

    // Reused for every record so writing allocates nothing per frame.
    private readonly byte[] _recordHeader = new byte[PcapRecordHeader.Length];
    private bool _disposed;

    /// <summary>Writes the file header to <paramref name="output"/> at once; records follow with <see cref="WriteRecord"/>.</summary>
    /// <param name="output">A writable stream; it is not sought, so standard output works.</param>
    /// <param name="snapLength">The snap length recorded in the header, 1 to <see cref="CaptureReader.MaxRecordSize"/>; a longer record is refused.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="output"/> open.</param>
    public PcapWriter(Stream output, int snapLength = DefaultSnapLength, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(snapLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(snapLength, MaxRecordSize);

        _output = output;
        _snapLength = snapLength;
        _leaveOpen = leaveOpen;

        Span<byte> header = stackalloc byte[PcapFileHeader.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(header[PcapFileHeader.MagicOffset..], PcapFileHeader.MagicMicroseconds);
        BinaryPrimitives.WriteUInt16LittleEndian(header[PcapFileHeader.VersionMajorOffset..], PcapFileHeader.VersionMajor);
        BinaryPrimitives.WriteUInt16LittleEndian(header[PcapFileHeader.VersionMinorOffset..], PcapFileHeader.VersionMinor);
        BinaryPrimitives.WriteInt32LittleEndian(header[PcapFileHeader.ThisZoneOffset..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[PcapFileHeader.SigFigsOffset..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[PcapFileHeader.SnapLengthOffset..], (uint)snapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[PcapFileHeader.LinkTypeOffset..], PcapFileHeader.LinkTypeEthernet);
        _output.Write(header);
        BytesWritten = PcapFileHeader.Length;
    }

    /// <summary>Bytes written so far, global header included.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Appends one record whose captured and original lengths are both <paramref name="frame"/>.Length.</summary>
    public void WriteRecord(uint timestampSeconds, uint timestampMicroseconds, ReadOnlySpan<byte> frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (timestampMicroseconds >= MicrosecondsPerSecond)
        {
            throw new ArgumentOutOfRangeException(
                nameof(timestampMicroseconds),
                timestampMicroseconds,
                "Microseconds must be below 1000000.");
        }

        if (frame.Length > _snapLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Frame of {frame.Length} bytes exceeds the snap length {_snapLength}."),
                nameof(frame));
        }

        var header = _recordHeader.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(header[PcapRecordHeader.TimestampSecondsOffset..], timestampSeconds);
        BinaryPrimitives.WriteUInt32LittleEndian(header[PcapRecordHeader.TimestampFractionOffset..], timestampMicroseconds);
        BinaryPrimitives.WriteUInt32LittleEndian(header[PcapRecordHeader.IncludedLengthOffset..], (uint)frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[PcapRecordHeader.OriginalLengthOffset..], (uint)frame.Length);
        _output.Write(_recordHeader, 0, PcapRecordHeader.Length);
        _output.Write(frame);
        BytesWritten += PcapRecordHeader.Length + frame.Length;
    }

    /// <summary>Flushes and closes the output unless the writer was created with leaveOpen.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_leaveOpen)
        {
            _output.Flush();
        }
        else
        {
            _output.Dispose();
        }
    }
}
