using System.Buffers.Binary;

namespace Mvps.Codec.Tests.Capture;

/// <summary>
/// A non-seekable stream that produces a classic little-endian µs pcap of <c>recordCount</c> records on the
/// fly, never holding more than one record in memory. Record i has timestamp (i, i % 1000000) and a frame of
/// <c>frameLength</c> bytes whose bytes are (i + j) mod 251, so a reader can verify every byte.
/// </summary>
internal sealed class FabricatedPcapStream : ForwardOnlyReadStream
{
    private readonly long _recordCount;
    private readonly int _frameLength;
    private readonly byte[] _pending;
    private int _pendingStart;
    private int _pendingEnd;
    private long _nextRecord;
    private bool _headerDone;

    public FabricatedPcapStream(long recordCount, int frameLength)
    {
        _recordCount = recordCount;
        _frameLength = frameLength;
        _pending = new byte[Math.Max(24, 16 + frameLength)];
    }

    public long BytesProduced { get; private set; }

    public static byte ExpectedByte(long record, int index) => (byte)((record + index) % 251);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingStart == _pendingEnd && !Refill())
            {
                break;
            }

            var n = Math.Min(buffer.Length - written, _pendingEnd - _pendingStart);
            _pending.AsSpan(_pendingStart, n).CopyTo(buffer[written..]);
            _pendingStart += n;
            written += n;
        }

        BytesProduced += written;
        return written;
    }

    private bool Refill()
    {
        var span = _pending.AsSpan();
        if (!_headerDone)
        {
            _headerDone = true;
            BinaryPrimitives.WriteUInt32LittleEndian(span, 0xA1B2C3D4);
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 2);
            BinaryPrimitives.WriteUInt16LittleEndian(span[6..], 4);
            BinaryPrimitives.WriteUInt64LittleEndian(span[8..], 0);
            BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 65535);
            BinaryPrimitives.WriteUInt32LittleEndian(span[20..], 1);
            _pendingStart = 0;
            _pendingEnd = 24;
            return true;
        }

        if (_nextRecord == _recordCount)
        {
            return false;
        }

        var i = _nextRecord++;
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)i);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(i % 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)_frameLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)_frameLength);
        for (var j = 0; j < _frameLength; j++)
        {
            span[16 + j] = ExpectedByte(i, j);
        }

        _pendingStart = 0;
        _pendingEnd = 16 + _frameLength;
        return true;
    }
}
