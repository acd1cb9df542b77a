using System.Globalization;
using static Mvps.Codec.Capture.CaptureLayout;

namespace Mvps.Codec.Capture;

/// <summary>Classic libpcap: one 24-byte file header (one link type, one snap length), then 16-byte record headers.</summary>
public sealed partial class CaptureReader
{
    private void ReadClassicFileHeader(int available)
    {
        if (available < PcapFileHeader.Length)
        {
            throw Error(0, string.Create(
                CultureInfo.InvariantCulture,
                $"file is {available} bytes, shorter than the {PcapFileHeader.Length}-byte pcap header"));
        }

        var header = _input.Peek(PcapFileHeader.Length);
        var versionMajor = ReadUInt16(header[PcapFileHeader.VersionMajorOffset..]);
        var versionMinor = ReadUInt16(header[PcapFileHeader.VersionMinorOffset..]);
        if (versionMajor != PcapFileHeader.VersionMajor)
        {
            throw Error(PcapFileHeader.VersionMajorOffset, string.Create(
                CultureInfo.InvariantCulture,
                $"unsupported pcap version {versionMajor}.{versionMinor} (expected 2.x)"));
        }

        SnapLength = ReadUInt32(header[PcapFileHeader.SnapLengthOffset..]);
        LinkType = ReadUInt32(header[PcapFileHeader.LinkTypeOffset..]);
        _input.Advance(PcapFileHeader.Length);
    }

    private bool TryReadClassicRecord(out CaptureRecord record)
    {
        var offset = _input.Position;
        var available = _input.Ensure(PcapRecordHeader.Length);
        if (available < PcapRecordHeader.Length)
        {
            if (available == 0)
            {
                record = default;
                return false;
            }

            throw Truncated(offset, PcapRecordHeader.Length, available);
        }

        var header = _input.Peek(PcapRecordHeader.Length);
        var seconds = ReadUInt32(header[PcapRecordHeader.TimestampSecondsOffset..]);
        var fraction = ReadUInt32(header[PcapRecordHeader.TimestampFractionOffset..]);
        var includedLength = ReadUInt32(header[PcapRecordHeader.IncludedLengthOffset..]);
        var originalLength = ReadUInt32(header[PcapRecordHeader.OriginalLengthOffset..]);

        if (includedLength > MaxRecordSize)
        {
            throw RecordError(offset, $"incl_len {includedLength} exceeds the maximum record size {MaxRecordSize}");
        }

        if (includedLength > SnapLength)
        {
            throw RecordError(offset, $"incl_len {includedLength} exceeds the snap length {SnapLength} of the file header");
        }

        if (includedLength > originalLength)
        {
            throw RecordError(offset, $"incl_len {includedLength} exceeds orig_len {originalLength}");
        }

        if (originalLength > int.MaxValue)
        {
            throw RecordError(offset, $"orig_len {originalLength} exceeds {int.MaxValue}");
        }

        if (fraction >= _classicFractionsPerSecond)
        {
            var unit = Format == CaptureFormat.PcapNanoseconds ? "nanoseconds" : "microseconds";
            throw RecordError(offset, $"timestamp {unit} {fraction} not below {_classicFractionsPerSecond}");
        }

        var needed = PcapRecordHeader.Length + (int)includedLength;
        available = _input.Ensure(needed);
        if (available < needed)
        {
            throw Truncated(offset, needed, available);
        }

        var data = _input.Peek(needed)[PcapRecordHeader.Length..];
        _input.Advance(needed);
        record = new CaptureRecord(
            _nextIndex++,
            offset,
            seconds,
            fraction * _classicNanosecondsPerFraction,
            (int)originalLength,
            LinkType,
            data);
        return true;
    }

}
