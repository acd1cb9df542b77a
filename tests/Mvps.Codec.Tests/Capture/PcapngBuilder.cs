using System.Buffers.Binary;

namespace Mvps.Codec.Tests.Capture;

/// <summary>Hand-assembles pcapng blocks in either byte order (the order can change per section).</summary>
internal sealed class PcapngBuilder
{
    /// <summary>The block type codes this builder writes (pcapng draft §11.1); any other uint may be cast for malformed input.</summary>
    public enum BlockType : uint
    {
        SectionHeader = 0x0A0D0D0A,
        InterfaceDescription = 1,
        ObsoletePacket = 2,
        SimplePacket = 3,
        NameResolution = 4,
        InterfaceStatistics = 5,
        EnhancedPacket = 6,
        Custom = 0x00000BAD,
    }

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
        return Block(BlockType.SectionHeader, body.ToArray());
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
        return Block(BlockType.InterfaceDescription, body.ToArray());
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
        return Block(BlockType.EnhancedPacket, body.ToArray());
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
        return Block(BlockType.ObsoletePacket, body.ToArray());
    }

    public PcapngBuilder SimplePacket(uint originalLength, ReadOnlySpan<byte> data)
    {
        var body = new List<byte>();
        body.AddRange(U32(originalLength));
        body.AddRange(Padded(data.ToArray()));
        return Block(BlockType.SimplePacket, body.ToArray());
    }

    /// <summary>A well-formed block of any type with the given body (padded to 4).</summary>
    public PcapngBuilder Block(BlockType type, byte[] body)
    {
        var padded = Padded(body);
        var total = (uint)(12 + padded.Length);
        return RawBlock(type, total, padded, total);
    }

    /// <summary>A block whose framing fields are written exactly as given, for malformed-input tests.</summary>
    public PcapngBuilder RawBlock(BlockType type, uint leadingLength, byte[] body, uint? trailingLength)
    {
        _bytes.Write(U32((uint)type));
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

    public byte[] U16(ushort value) => InByteOrder(value, sizeof(ushort));

    public byte[] U32(uint value) => InByteOrder(value, sizeof(uint));

    public byte[] U64(ulong value) => InByteOrder(value, sizeof(ulong));

    /// <summary>The low <paramref name="size"/> bytes of <paramref name="value"/> in the section's byte order.</summary>
    private byte[] InByteOrder(ulong value, int size)
    {
        var bytes = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        var field = bytes[..size];
        if (_bigEndian)
        {
            Array.Reverse(field);
        }

        return field;
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
