namespace Mvps.Codec.Capture;

/// <summary>
/// A fixed-size window over a stream. Data is fetched with large reads and the unread tail is moved to
/// the front before each refill, so memory stays constant however long the stream is.
/// </summary>
internal sealed class CaptureReadBuffer
{
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferFileOffset;
    private bool _endOfStream;

    public CaptureReadBuffer(Stream stream, int capacity)
    {
        _stream = stream;
        _buffer = new byte[capacity];
    }

    public int Capacity => _buffer.Length;

    /// <summary>File offset of the next unread byte.</summary>
    public long Position => _bufferFileOffset + _start;

    /// <summary>
    /// Makes at least <paramref name="count"/> bytes readable unless the stream ends first;
    /// returns how many are readable. Any span obtained earlier from <see cref="Peek"/> is invalidated.
    /// </summary>
    public int Ensure(int count)
    {
        if (count > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Request exceeds the read buffer.");
        }

        var available = _end - _start;
        if (available >= count || _endOfStream)
        {
            return available;
        }

        Compact();
        while (_end < count)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
                break;
            }

            _end += read;
        }

        return _end;
    }

    /// <summary>The next <paramref name="count"/> readable bytes; call <see cref="Ensure"/> first.</summary>
    public ReadOnlySpan<byte> Peek(int count) => _buffer.AsSpan(_start, count);

    /// <summary>Consumes bytes already made readable. The bytes stay in place until the next refill.</summary>
    public void Advance(int count)
    {
        if ((uint)count > (uint)(_end - _start))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Advance beyond the readable bytes.");
        }

        _start += count;
    }

    /// <summary>Discards up to <paramref name="count"/> bytes, reading through the buffer; returns how many were discarded.</summary>
    public long Skip(long count)
    {
        long skipped = 0;
        while (skipped < count)
        {
            var available = _end - _start;
            if (available == 0)
            {
                available = Ensure((int)Math.Min(count - skipped, _buffer.Length));
                if (available == 0)
                {
                    break;
                }
            }

            var step = (int)Math.Min(available, count - skipped);
            _start += step;
            skipped += step;
        }

        return skipped;
    }

    private void Compact()
    {
        if (_start == 0)
        {
            return;
        }

        var available = _end - _start;
        if (available > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, available);
        }

        _bufferFileOffset += _start;
        _start = 0;
        _end = available;
    }
}
