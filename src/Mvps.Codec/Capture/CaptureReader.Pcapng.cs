using System.Buffers.Binary;
using System.Globalization;
using static Mvps.Codec.Capture.CaptureLayout;

namespace Mvps.Codec.Capture;

/// <summary>
/// pcapng: blocks in sections; each Interface Description Block gives its interface's link type, snap length and
/// timestamp resolution, and every packet block is read with those of the interface it names.
/// </summary>
public sealed partial class CaptureReader
{
    private bool TryReadPcapngPacket(out CaptureRecord record)
    {
        if (!ReadBlocksUpToNextPacket())
        {
            record = default;
            return false;
        }

        var offset = _input.Position;
        var header = _input.Peek(PcapngBlock.BodyOffset);
        var type = ReadUInt32(header[PcapngBlock.TypeOffset..]);
        var totalLength = ReadUInt32(header[PcapngBlock.TotalLengthOffset..]);
        var minimum = type switch
        {
            PcapngBlockTypes.EnhancedPacket => PcapngEnhancedPacket.MinimumLength,
            PcapngBlockTypes.SimplePacket => PcapngSimplePacket.MinimumLength,
            _ => PcapngObsoletePacket.MinimumLength,
        };
        var block = LoadWholeBlock(offset, type, totalLength, minimum, _nextIndex);

        uint interfaceId;
        ulong ticks;
        uint capturedLength;
        uint originalLength;
        int dataOffset;
        switch (type)
        {
            case PcapngBlockTypes.EnhancedPacket:
            case PcapngBlockTypes.ObsoletePacket:
                // The obsolete block is the enhanced one with a 16-bit interface id (and a drops count) in its first word.
                interfaceId = type == PcapngBlockTypes.EnhancedPacket
                    ? ReadUInt32(block[PcapngEnhancedPacket.InterfaceIdOffset..])
                    : ReadUInt16(block[PcapngObsoletePacket.InterfaceIdOffset..]);
                ticks = ((ulong)ReadUInt32(block[PcapngEnhancedPacket.TimestampHighOffset..]) << 32)
                    | ReadUInt32(block[PcapngEnhancedPacket.TimestampLowOffset..]);
                capturedLength = ReadUInt32(block[PcapngEnhancedPacket.CapturedLengthOffset..]);
                originalLength = ReadUInt32(block[PcapngEnhancedPacket.OriginalLengthOffset..]);
                dataOffset = PcapngEnhancedPacket.DataOffset;
                break;
            default:
                // Simple Packet Block: interface 0, no timestamp; captured length is what the block holds.
                interfaceId = 0;
                ticks = 0;
                originalLength = ReadUInt32(block[PcapngSimplePacket.OriginalLengthOffset..]);
                capturedLength = Math.Min(originalLength, totalLength - (uint)PcapngSimplePacket.MinimumLength);
                dataOffset = PcapngSimplePacket.DataOffset;
                break;
        }

        if (interfaceId >= (uint)_interfaces.Count)
        {
            throw RecordError(offset, $"packet on interface {interfaceId}, but the section has {_interfaces.Count} interface description block(s), none for it");
        }

        var description = _interfaces[(int)interfaceId];
        if (type == PcapngBlockTypes.SimplePacket && description.SnapLength != 0)
        {
            capturedLength = Math.Min(capturedLength, description.SnapLength);
        }

        if (capturedLength > MaxRecordSize)
        {
            throw RecordError(offset, $"captured length {capturedLength} exceeds the maximum record size {MaxRecordSize}");
        }

        if (description.SnapLength != 0 && capturedLength > description.SnapLength)
        {
            throw RecordError(offset, $"captured length {capturedLength} exceeds the snap length {description.SnapLength} of interface {interfaceId}");
        }

        if (capturedLength > originalLength)
        {
            throw RecordError(offset, $"captured length {capturedLength} exceeds original length {originalLength}");
        }

        if (originalLength > int.MaxValue)
        {
            throw RecordError(offset, $"original length {originalLength} exceeds {int.MaxValue}");
        }

        var paddedLength = PadToBlockAlignment(capturedLength);
        if (dataOffset + paddedLength + PcapngBlock.TrailerLength > totalLength)
        {
            throw RecordError(offset, $"captured length {capturedLength} does not fit in a block of total length {totalLength}");
        }

        description.Resolution.Split(ticks, out var seconds, out var nanoseconds);
        var offsetSeconds = description.TimestampOffsetSeconds;
        if (seconds > long.MaxValue || (offsetSeconds > 0 && (long)seconds > long.MaxValue - offsetSeconds))
        {
            throw RecordError(offset, $"timestamp of {seconds} s plus offset {offsetSeconds} s is out of range");
        }

        var data = block.Slice(dataOffset, (int)capturedLength);
        _input.Advance((int)totalLength);
        LinkType = description.LinkType;
        SnapLength = description.SnapLength;
        record = new CaptureRecord(
            _nextIndex++,
            offset,
            (long)seconds + offsetSeconds,
            nanoseconds,
            (int)originalLength,
            description.LinkType,
            data);
        return true;
    }

    /// <summary>
    /// Consumes section headers, interface descriptions and every non-packet block until a packet block is
    /// at the front of the buffer (returns true, header readable) or the file ends cleanly (returns false).
    /// </summary>
    private bool ReadBlocksUpToNextPacket()
    {
        while (true)
        {
            var offset = _input.Position;
            var available = _input.Ensure(PcapngBlock.BodyOffset);
            if (available < PcapngBlock.BodyOffset)
            {
                if (available == 0)
                {
                    return false;
                }

                throw Error(offset, string.Create(
                    CultureInfo.InvariantCulture,
                    $"truncated: block header needs {PcapngBlock.BodyOffset} bytes, only {available} remain"));
            }

            var header = _input.Peek(PcapngBlock.BodyOffset);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(header[PcapngBlock.TypeOffset..]);
            if (type == PcapngBlockTypes.SectionHeader)
            {
                ReadSectionHeader(offset);
                continue;
            }

            type = ReadUInt32(header[PcapngBlock.TypeOffset..]);
            switch (type)
            {
                case PcapngBlockTypes.EnhancedPacket:
                case PcapngBlockTypes.SimplePacket:
                case PcapngBlockTypes.ObsoletePacket:
                    return true;
                case PcapngBlockTypes.InterfaceDescription:
                    ReadInterfaceDescription(offset, ReadUInt32(header[PcapngBlock.TotalLengthOffset..]));
                    break;
                default:
                    SkipBlock(offset, type, ReadUInt32(header[PcapngBlock.TotalLengthOffset..]), PcapngBlock.FramingLength);
                    break;
            }
        }
    }

    private void ReadSectionHeader(long offset)
    {
        var available = _input.Ensure(PcapngSectionHeader.MinimumLength);
        if (available < PcapngSectionHeader.ByteOrderMagicOffset + sizeof(uint))
        {
            throw Error(offset, string.Create(
                CultureInfo.InvariantCulture,
                $"truncated: section header block needs at least {PcapngSectionHeader.MinimumLength} bytes, only {available} remain"));
        }

        var block = _input.Peek(Math.Min(available, PcapngSectionHeader.MinimumLength));
        var byteOrderMagic = BinaryPrimitives.ReadUInt32LittleEndian(block[PcapngSectionHeader.ByteOrderMagicOffset..]);
        bool bigEndian;
        if (byteOrderMagic == PcapngSectionHeader.ByteOrderMagic)
        {
            bigEndian = false;
        }
        else if (byteOrderMagic == PcapngSectionHeader.ByteOrderMagicSwapped)
        {
            bigEndian = true;
        }
        else
        {
            throw Error(offset, string.Create(
                CultureInfo.InvariantCulture,
                $"section header block has byte-order magic 0x{byteOrderMagic:x8}, expected 0x{PcapngSectionHeader.ByteOrderMagic:x8} in either byte order"));
        }

        // A new section may switch byte order and always starts a fresh interface table.
        IsBigEndian = bigEndian;
        _interfaces.Clear();

        var totalLength = ReadUInt32(block[PcapngBlock.TotalLengthOffset..]);
        CheckBlockLength(offset, PcapngBlockTypes.SectionHeader, totalLength, PcapngSectionHeader.MinimumLength, null);
        if (available < PcapngSectionHeader.MinimumLength)
        {
            throw Error(offset, string.Create(
                CultureInfo.InvariantCulture,
                $"truncated: block needs {totalLength} bytes, only {available} remain"));
        }

        var versionMajor = ReadUInt16(block[PcapngSectionHeader.VersionMajorOffset..]);
        var versionMinor = ReadUInt16(block[PcapngSectionHeader.VersionMinorOffset..]);
        if (versionMajor != PcapngSectionHeader.VersionMajor)
        {
            throw Error(offset, string.Create(
                CultureInfo.InvariantCulture,
                $"unsupported pcapng version {versionMajor}.{versionMinor} (expected 1.x)"));
        }

        // Section length and options are not needed; stream past them.
        SkipBlock(offset, PcapngBlockTypes.SectionHeader, totalLength, PcapngSectionHeader.MinimumLength);
    }

    private void ReadInterfaceDescription(long offset, uint totalLength)
    {
        var block = LoadWholeBlock(offset, PcapngBlockTypes.InterfaceDescription, totalLength, PcapngInterfaceDescription.MinimumLength, null);
        if (_interfaces.Count >= PcapngInterfaceDescription.MaxInterfacesPerSection)
        {
            throw Error(offset, string.Create(
                CultureInfo.InvariantCulture,
                $"more than {PcapngInterfaceDescription.MaxInterfacesPerSection} interface description blocks in one section"));
        }

        var linkType = ReadUInt16(block[PcapngInterfaceDescription.LinkTypeOffset..]);
        var snapLength = ReadUInt32(block[PcapngInterfaceDescription.SnapLengthOffset..]);
        var resolution = PcapngTimestampResolution.Microseconds;
        long timestampOffset = 0;

        var options = block[PcapngInterfaceDescription.OptionsOffset..^PcapngBlock.TrailerLength];
        var optionOffset = offset + PcapngInterfaceDescription.OptionsOffset;
        while (options.Length >= PcapngOptions.HeaderLength)
        {
            var code = ReadUInt16(options);
            var length = ReadUInt16(options[sizeof(ushort)..]);
            if (code == PcapngOptions.EndOfOptions)
            {
                break;
            }

            var padded = (int)PadToBlockAlignment(length);
            if (PcapngOptions.HeaderLength + padded > options.Length)
            {
                throw Error(optionOffset, string.Create(
                    CultureInfo.InvariantCulture,
                    $"interface description option {code} of length {length} runs past the end of its block"));
            }

            var value = options.Slice(PcapngOptions.HeaderLength, length);
            if (code == PcapngOptions.InterfaceTimestampResolution && length >= 1)
            {
                if (!PcapngTimestampResolution.TryCreate(value[0], out resolution))
                {
                    var tsresol = value[0];
                    var meaning = (tsresol & PcapngOptions.TimestampResolutionBinaryFlag) != 0
                        ? string.Create(CultureInfo.InvariantCulture, $"2^-{tsresol & ~PcapngOptions.TimestampResolutionBinaryFlag}")
                        : string.Create(CultureInfo.InvariantCulture, $"10^-{tsresol}");
                    throw Error(optionOffset, string.Create(
                        CultureInfo.InvariantCulture,
                        $"unsupported if_tsresol 0x{tsresol:x2} ({meaning} s): supported are 10^-0..10^-19 and 2^-0..2^-63"));
                }
            }
            else if (code == PcapngOptions.InterfaceTimestampOffset && length >= sizeof(long))
            {
                timestampOffset = IsBigEndian ? BinaryPrimitives.ReadInt64BigEndian(value) : BinaryPrimitives.ReadInt64LittleEndian(value);
            }

            options = options[(PcapngOptions.HeaderLength + padded)..];
            optionOffset += PcapngOptions.HeaderLength + padded;
        }

        _interfaces.Add(new PcapngInterface(linkType, snapLength, resolution, timestampOffset));
        _input.Advance((int)totalLength);
    }

    /// <summary>Validates a block's length and trailer and makes the whole block readable without consuming it.</summary>
    private ReadOnlySpan<byte> LoadWholeBlock(long offset, uint type, uint totalLength, int minimum, long? recordIndex)
    {
        CheckBlockLength(offset, type, totalLength, minimum, recordIndex);
        if (totalLength > PcapngBlock.MaxBufferedBlockLength)
        {
            throw Error(offset, recordIndex, string.Create(
                CultureInfo.InvariantCulture,
                $"{BlockName(type)} total length {totalLength} exceeds the maximum block size {PcapngBlock.MaxBufferedBlockLength}"));
        }

        var length = (int)totalLength;
        var available = _input.Ensure(length);
        if (available < length)
        {
            throw Error(offset, recordIndex, string.Create(
                CultureInfo.InvariantCulture,
                $"truncated: block needs {totalLength} bytes, only {available} remain"));
        }

        var block = _input.Peek(length);
        CheckTrailer(offset, totalLength, ReadUInt32(block[^PcapngBlock.TrailerLength..]), recordIndex);
        return block;
    }

    /// <summary>Streams past a block of any length (never buffering it whole) and checks its trailing length.</summary>
    private void SkipBlock(long offset, uint type, uint totalLength, int minimum)
    {
        CheckBlockLength(offset, type, totalLength, minimum, null);
        long bodyLength = totalLength - PcapngBlock.TrailerLength;
        var skipped = _input.Skip(bodyLength);
        var available = skipped == bodyLength ? _input.Ensure(PcapngBlock.TrailerLength) : 0;
        if (available < PcapngBlock.TrailerLength)
        {
            throw Error(offset, string.Create(
                CultureInfo.InvariantCulture,
                $"truncated: {BlockName(type)} needs {totalLength} bytes, only {skipped + available} remain"));
        }

        CheckTrailer(offset, totalLength, ReadUInt32(_input.Peek(PcapngBlock.TrailerLength)), null);
        _input.Advance(PcapngBlock.TrailerLength);
    }

    private void CheckBlockLength(long offset, uint type, uint totalLength, int minimum, long? recordIndex)
    {
        if (totalLength < PcapngBlock.FramingLength)
        {
            throw Error(offset, recordIndex, string.Create(
                CultureInfo.InvariantCulture,
                $"{BlockName(type)} total length {totalLength} is less than {PcapngBlock.FramingLength}"));
        }

        if (totalLength % PcapngBlock.Alignment != 0)
        {
            throw Error(offset, recordIndex, string.Create(
                CultureInfo.InvariantCulture,
                $"{BlockName(type)} total length {totalLength} is not a multiple of {PcapngBlock.Alignment}"));
        }

        if (totalLength < minimum)
        {
            throw Error(offset, recordIndex, string.Create(
                CultureInfo.InvariantCulture,
                $"{BlockName(type)} total length {totalLength} is less than its minimum {minimum}"));
        }
    }

    private void CheckTrailer(long offset, uint totalLength, uint trailer, long? recordIndex)
    {
        if (trailer != totalLength)
        {
            throw Error(offset, recordIndex, string.Create(
                CultureInfo.InvariantCulture,
                $"trailing block length {trailer} does not match the leading block length {totalLength}"));
        }
    }

    private static uint PadToBlockAlignment(uint length) => (length + 3) & ~3u;

    private static string BlockName(uint type) => type switch
    {
        PcapngBlockTypes.SectionHeader => "section header block",
        PcapngBlockTypes.InterfaceDescription => "interface description block",
        PcapngBlockTypes.ObsoletePacket => "packet block",
        PcapngBlockTypes.SimplePacket => "simple packet block",
        PcapngBlockTypes.NameResolution => "name resolution block",
        PcapngBlockTypes.InterfaceStatistics => "interface statistics block",
        PcapngBlockTypes.EnhancedPacket => "enhanced packet block",
        PcapngBlockTypes.DecryptionSecrets => "decryption secrets block",
        PcapngBlockTypes.Custom or PcapngBlockTypes.CustomNoCopy => "custom block",
        _ => string.Create(CultureInfo.InvariantCulture, $"block of type 0x{type:x8}"),
    };
}
