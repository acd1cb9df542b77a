using System.Buffers.Binary;

namespace Mvps.Codec.Tests.Capture;

/// <summary>Hand-assembles classic pcap bytes field by field, in either byte order, for reader tests.</summary>
internal sealed class ClassicPcapBuilder
{
    private readonly MemoryStream _bytes = new();
    private readonly bool _bigEndian;

    public ClassicPcapBuilder(bool bigEndian, bool nanoseconds, uint snapLength = 65535, uint linkType = 1, ushort versionMajor = 2, ushort versionMinor = 4)
    {
        _bigEndian = bigEndian;
        U32(nanoseconds ? 0xA1B23C4Du : 0xA1B2C3D4u);
        U16(versionMajor);
        U16(versionMinor);
        U32(0);
        U32(0);
        U32(snapLength);
        U32(linkType);
    }

    public long Length => _bytes.Length;

    public ClassicPcapBuilder Record(uint seconds, uint fraction, ReadOnlySpan<byte> data) =>
        Record(seconds, fraction, (uint)data.Length, (uint)data.Length, data);

    public ClassicPcapBuilder Record(uint seconds, uint fraction, uint includedLength, uint originalLength, ReadOnlySpan<byte> data)
    {
        U32(seconds);
        U32(fraction);
        U32(includedLength);
        U32(originalLength);
        _bytes.Write(data);
        return this;
    }

    public ClassicPcapBuilder Raw(ReadOnlySpan<byte> bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    private void U16(ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        WriteInFileOrder(b);
    }

    private void U32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        WriteInFileOrder(b);
    }

    /// <summary>Writes a little-endian field in the file's byte order: reversed when the file is big-endian.</summary>
    private void WriteInFileOrder(Span<byte> littleEndian)
    {
        if (_bigEndian)
        {
            littleEndian.Reverse();
        }

        _bytes.Write(littleEndian);
    }
}
