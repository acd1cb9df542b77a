using System.Buffers.Binary;

namespace Mvps.Codec.Tests.Capture;

/// <summary>Hand-assembles pcapng blocks in either byte order (the order can change per section).</summary>
internal sealed class PcapngBuilder
{
    public const uint SectionHeaderType = 0x0A0D0D0A;
    public const uint InterfaceDescriptionType = 1;
    public const uint ObsoletePacketType = 2;
    public const uint SimplePacketType = 3;
    public const uint NameResolutionType = 4;
    public const uint InterfaceStatisticsType = 5;
    public const uint EnhancedPacketType = 6;
    public const uint CustomType = 0x00000BAD;

    private readonly MemoryStream _bytes = new();
    private bool _bigEndian;

    public PcapngBuilder(bool bigEndian)
    {
        _bigEndian = bigEndian;
    }

    /// <summary>File offset the next block will start at.</summary>
    public long Length => _bytes.Length;

    public PcapngBuilder SectionHeader(bool? bigEndian = null, ushort versionMajor = 1)
    {
        _bigEndian = bigEndian ?? _bigEndian;
        var body = new List<byte>();
        body.AddRange(U32(0x1A2B3C4D));
        body.AddRange(U16(versionMajor));
        body.AddRange(U16(0));
        body.AddRange(U64(ulong.MaxValue)); // section length unknown
        // One option (shb_userappl, code 4) to prove options are skipped.
        body.AddRange(Option(4, "mvps-test"u8.ToArray()));
        body.AddRange(U16(0));
        body.AddRange(U16(0));
        return Block(SectionHeaderType, body.ToArray());
    }

    /// <summary>IDB; <paramref name="tsresol"/> null means no if_tsresol option (default microseconds).</summary>
    public PcapngBuilder InterfaceDescription(ushort linkType = 1, uint snapLength = 0, byte? tsresol = null, long? tsoffset = null)
    {
        var body = new List<byte>();
        body.AddRange(U16(linkType));
        body.AddRange(U16(0));
        body.AddRange(U32(snapLength));
        body.AddRange(Option(2, "eth0"u8.ToArray())); // if_name, ignored
        if (tsresol is byte resolution)
        {
            body.AddRange(Option(9, [resolution]));
        }

        if (tsoffset is long offset)
        {
            body.AddRange(Option(14, U64((ulong)offset)));
        }

        body.AddRange(U16(0));
        body.AddRange(U16(0));
        return Block(InterfaceDescriptionType, body.ToArray());
    }

    public PcapngBuilder EnhancedPacket(uint interfaceId, ulong ticks, ReadOnlySpan<byte> data, uint? originalLength = null, uint? capturedLength = null)
    {
        var body = new List<byte>();
        body.AddRange(U32(interfaceId));
        body.AddRange(U32((uint)(ticks >> 32)));
        body.AddRange(U32((uint)ticks));
        body.AddRange(U32(capturedLength ?? (uint)data.Length));
        body.AddRange(U32(originalLength ?? (uint)data.Length));
        body.AddRange(Padded(data.ToArray()));
        body.AddRange(Option(1, "comment"u8.ToArray())); // opt_comment, ignored
        body.AddRange(U16(0));
        body.AddRange(U16(0));
        return Block(EnhancedPacketType, body.ToArray());
    }

    public PcapngBuilder ObsoletePacket(ushort interfaceId, ulong ticks, ReadOnlySpan<byte> data)
    {
        var body = new List<byte>();
        body.AddRange(U16(interfaceId));
        body.AddRange(U16(0));
        body.AddRange(U32((uint)(ticks >> 32)));
        body.AddRange(U32((uint)ticks));
        body.AddRange(U32((uint)data.Length));
        body.AddRange(U32((uint)data.Length));
        body.AddRange(Padded(data.ToArray()));
        return Block(ObsoletePacketType, body.ToArray());
    }

    public PcapngBuilder SimplePacket(uint originalLength, ReadOnlySpan<byte> data)
    {
        var body = new List<byte>();
        body.AddRange(U32(originalLength));
        body.AddRange(Padded(data.ToArray()));
        return Block(SimplePacketType, body.ToArray());
    }

    /// <summary>A well-formed block of any type with the given body (padded to 4).</summary>
    public PcapngBuilder Block(uint type, byte[] body)
    {
        var padded = Padded(body);
        var total = (uint)(12 + padded.Length);
        return RawBlock(type, total, padded, total);
    }

    /// <summary>A block whose framing fields are written exactly as given, for malformed-input tests.</summary>
    public PcapngBuilder RawBlock(uint type, uint leadingLength, byte[] body, uint? trailingLength)
    {
        _bytes.Write(U32(type));
        _bytes.Write(U32(leadingLength));
        _bytes.Write(body);
        if (trailingLength is uint trailing)
        {
            _bytes.Write(U32(trailing));
        }

        return this;
    }

    public PcapngBuilder Raw(byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    public byte[] U16(ushort value)
    {
        var b = new byte[2];
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        }

        return b;
    }

    public byte[] U32(uint value)
    {
        var b = new byte[4];
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        }

        return b;
    }

    public byte[] U64(ulong value)
    {
        var b = new byte[8];
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        }

        return b;
    }

    private byte[] Option(ushort code, byte[] value)
    {
        var option = new List<byte>();
        option.AddRange(U16(code));
        option.AddRange(U16((ushort)value.Length));
        option.AddRange(Padded(value));
        return option.ToArray();
    }

    private static byte[] Padded(byte[] data)
    {
        var padded = new byte[(data.Length + 3) & ~3];
        data.CopyTo(padded, 0);
        return padded;
    }
}
