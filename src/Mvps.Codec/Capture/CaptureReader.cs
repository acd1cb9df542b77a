using System.Buffers.Binary;
using System.Globalization;
using static Mvps.Codec.Capture.CaptureLayout;

namespace Mvps.Codec.Capture;

/// <summary>
/// Streams packet records out of a classic libpcap (µs or ns, either byte order) or pcapng file, from a file
/// or any forward-only stream (standard input): it never seeks. Memory is one fixed read buffer whatever the
/// file size; reading a record allocates nothing. Link types are reported, not judged.
/// Split by format as System.Formats.Tar splits its header: this file opens and dispatches,
/// CaptureReader.Pcap.cs reads classic libpcap, CaptureReader.Pcapng.cs reads pcapng (each packet with its own
/// interface's link type, snap length and timestamp resolution).
/// </summary>
public sealed partial class CaptureReader : IDisposable
{
    /// <summary>The largest record, in captured bytes, the reader returns (256 KiB, as Wireshark's limit); a larger one is a format error.</summary>
    public const int MaxRecordSize = CaptureLayout.MaxRecordSize;

    /// <summary>Read window; holds several maximum-size records so refills are rare and reads are large.</summary>
    internal const int BufferSize = 1 << 20;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly CaptureReadBuffer _input;
    private readonly List<PcapngInterface> _interfaces = [];
    private readonly uint _classicFractionsPerSecond;
    private readonly uint _classicNanosecondsPerFraction;
    private long _nextIndex;
    private CaptureFormatException? _fault;
    private bool _disposed;

    private CaptureReader(Stream stream, string displayName, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        DisplayName = displayName;
        _input = new CaptureReadBuffer(stream, BufferSize);

        var available = _input.Ensure(PcapFileHeader.Length);
        if (available == 0)
        {
            throw Error(0, "empty file, not a capture");
        }

        if (available < sizeof(uint))
        {
            throw Error(0, string.Create(
                CultureInfo.InvariantCulture,
                $"file is {available} bytes, shorter than the {PcapFileHeader.Length}-byte pcap header"));
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(_input.Peek(sizeof(uint)));
        switch (magic)
        {
            case PcapngBlockTypes.SectionHeader:
                Format = CaptureFormat.Pcapng;
                ReadBlocksUpToNextPacket();
                if (_interfaces.Count > 0)
                {
                    LinkType = _interfaces[0].LinkType;
                    SnapLength = _interfaces[0].SnapLength;
                }

                return;
            case PcapFileHeader.MagicMicroseconds:
            case PcapFileHeader.MagicMicrosecondsSwapped:
                (Format, _classicFractionsPerSecond) = (CaptureFormat.PcapMicroseconds, MicrosecondsPerSecond);
                break;
            case PcapFileHeader.MagicNanoseconds:
            case PcapFileHeader.MagicNanosecondsSwapped:
                (Format, _classicFractionsPerSecond) = (CaptureFormat.PcapNanoseconds, NanosecondsPerSecond);
                break;
            default:
                var bytes = _input.Peek(sizeof(uint));
                throw Error(0, string.Create(
                    CultureInfo.InvariantCulture,
                    $"unknown magic {bytes[0]:x2} {bytes[1]:x2} {bytes[2]:x2} {bytes[3]:x2}: not a pcap or pcapng file"));
        }

        // A magic read back to front means the writer's byte order is the other one (this reader reads it little-endian).
        IsBigEndian = magic is PcapFileHeader.MagicMicrosecondsSwapped or PcapFileHeader.MagicNanosecondsSwapped;
        _classicNanosecondsPerFraction = NanosecondsPerSecond / _classicFractionsPerSecond;
        ReadClassicFileHeader(available);
    }

    /// <summary>Name used in error messages (usually the path as the user gave it).</summary>
    public string DisplayName { get; }

    /// <summary>The container format, recognised from the magic number.</summary>
    public CaptureFormat Format { get; }

    /// <summary>Byte order of the file (pcapng: of the current section).</summary>
    public bool IsBigEndian { get; private set; }

    /// <summary>Classic: the file's link type. pcapng: that of the current record's interface (before any record, interface 0's).</summary>
    public uint LinkType { get; private set; }

    /// <summary>Classic: the file's snap length. pcapng: that of the current record's interface (0 = unlimited).</summary>
    public uint SnapLength { get; private set; }

    /// <summary>Opens a capture file and reads its file header.</summary>
    /// <param name="path">The file; also the display name in error messages.</param>
    /// <exception cref="CaptureFormatException">The file is empty or not a pcap or pcapng file.</exception>
    public static CaptureReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        // No FileStream buffering: the reader already issues large reads into its own buffer.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        return Open(stream, path, leaveOpen: false);
    }

    /// <summary>Reads a capture from any readable stream (standard input too), forward only.</summary>
    /// <param name="stream">The capture's bytes from their start.</param>
    /// <param name="displayName">The name error messages give the input.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="stream"/> open.</param>
    /// <exception cref="CaptureFormatException">The input is empty or not a pcap or pcapng file.</exception>
    public static CaptureReader Open(Stream stream, string displayName, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(displayName);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        try
        {
            return new CaptureReader(stream, displayName, leaveOpen);
        }
        catch
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Reads the next packet record. Returns false at a clean end of file; throws
    /// <see cref="CaptureFormatException"/> on anything malformed (and again on every later call).
    /// </summary>
    public bool TryReadNext(out CaptureRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_fault is not null)
        {
            throw _fault;
        }

        try
        {
            return Format == CaptureFormat.Pcapng ? TryReadPcapngPacket(out record) : TryReadClassicRecord(out record);
        }
        catch (CaptureFormatException fault)
        {
            _fault = fault;
            throw;
        }
    }

    /// <summary>Closes the stream unless the reader was opened with leaveOpen.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }


    private ushort ReadUInt16(ReadOnlySpan<byte> source) =>
        IsBigEndian ? BinaryPrimitives.ReadUInt16BigEndian(source) : BinaryPrimitives.ReadUInt16LittleEndian(source);

    private uint ReadUInt32(ReadOnlySpan<byte> source) =>
        IsBigEndian ? BinaryPrimitives.ReadUInt32BigEndian(source) : BinaryPrimitives.ReadUInt32LittleEndian(source);

    private CaptureFormatException Truncated(long offset, int needed, int available) =>
        RecordError(offset, $"truncated: record needs {needed} bytes, only {available} remain");

    private CaptureFormatException RecordError(long offset, FormattableString problem) =>
        new(DisplayName, _nextIndex, offset, problem.ToString(CultureInfo.InvariantCulture));

    private CaptureFormatException Error(long offset, string problem) => new(DisplayName, null, offset, problem);

    private CaptureFormatException Error(long offset, long? recordIndex, string problem) =>
        new(DisplayName, recordIndex, offset, problem);
}
