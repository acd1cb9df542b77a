using System.Text.Json;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// Pulls JSON tokens, or whole small values as documents or as their bytes, from a receipt file through a window of at most
/// <see cref="MaxWindow"/> bytes, so memory does not grow with the receipt: a receipt listing 100,000 frames
/// per capture, or one padded with a 500 MB string, is read without holding it. A value the verifier ignores
/// is skipped (<see cref="SkipValue"/>) token by token, and a string in it longer than the window is scanned
/// through (its quotes, escapes and control characters checked) without being kept. A value the verifier
/// needs, or a token outside a skipped value, that does not fit in the window is refused
/// (<see cref="ValueTooLargeException"/>): no genuine receipt has one. Token positions are absolute file
/// offsets, so a reader can later start again at one array (a capture's "frames") and walk it a second time.
/// </summary>
internal sealed class ReceiptJsonStream : IDisposable
{
    /// <summary>The most bytes held at once: a genuine receipt's largest value (a capture's summary) is a few KB.</summary>
    public const int MaxWindow = 1 << 20;

    private const int InitialWindow = 1 << 16;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[InitialWindow];
    private long _bufferBase;
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;

    // Where an over-long string was replaced by "" in the window (its buffer index), and its true file offset.
    private int _elidedIndex = -1;
    private long _elidedOffset;

    public ReceiptJsonStream(Stream stream, long startOffset = 0)
    {
        _stream = stream;
        if (startOffset > 0)
        {
            stream.Seek(startOffset, SeekOrigin.Begin);
            _bufferBase = startOffset;
        }
    }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>File offset of the current token's first byte.</summary>
    public long TokenOffset { get; private set; }

    /// <summary>The current property name or string value.</summary>
    public string? Text { get; private set; }

    /// <summary>Reads the next token; false at the end of the file.</summary>
    public bool Read() => Next(elideStrings: false);

    /// <summary>
    /// Skips the next whole value (after a property name) in bounded memory, whatever its size: containers
    /// token by token, strings longer than the window scanned through and dropped.
    /// </summary>
    public void SkipValue()
    {
        var depth = 0;
        do
        {
            if (!Next(elideStrings: true))
            {
                throw new JsonException("the receipt ends in the middle of a value");
            }

            if (TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                depth++;
            }
            else if (TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                depth--;
            }
        }
        while (depth > 0);
    }

    private bool Next(bool elideStrings)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                TokenType = reader.TokenType;
                TokenOffset = OffsetOf(_start + (int)reader.TokenStartIndex);
                // A skipped string is never materialised; only names and values the caller reads become text.
                Text = !elideStrings && reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
                Commit(ref reader);
                return true;
            }

            if (_final)
            {
                return false;
            }

            if (WindowFull() && !DropSpace() && !(elideStrings && ElideString()))
            {
                throw TooLarge();
            }

            Refill();
        }
    }

    /// <summary>
    /// The next whole value (after a property name, or the next element of an array) as a document;
    /// null when the array ends instead. The caller disposes the document.
    /// </summary>
    public JsonDocument? ReadValue() =>
        ReadRawValue(out var value) ? JsonDocument.Parse(value.ToArray()) : null; // a copy: the window moves on

    /// <summary>
    /// The next whole value (as <see cref="ReadValue"/>) as its bytes in the receipt, checked by the reader but not
    /// parsed into a document, so nothing is allocated; false when the array ends instead. The bytes are valid until
    /// the next read.
    /// </summary>
    public bool ReadRawValue(out ReadOnlyMemory<byte> value)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                var first = _start + (int)reader.TokenStartIndex;
                var offset = OffsetOf(first);
                if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
                {
                    TokenType = reader.TokenType;
                    TokenOffset = offset;
                    Commit(ref reader);
                    value = default;
                    return false;
                }

                if (reader.TrySkip())
                {
                    TokenType = reader.TokenType;
                    TokenOffset = offset;
                    value = new ReadOnlyMemory<byte>(_buffer, first, _start + (int)reader.BytesConsumed - first);
                    Commit(ref reader);
                    return true;
                }
            }

            if (_final)
            {
                throw new JsonException("the receipt ends in the middle of a value");
            }

            if (WindowFull() && !DropSpace())
            {
                throw TooLarge();
            }

            Refill();
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>A single token or needed value does not fit in <see cref="MaxWindow"/> bytes.</summary>
    internal sealed class ValueTooLargeException(long offset)
        : Exception($"a value at byte {offset.ToString(System.Globalization.CultureInfo.InvariantCulture)} is larger than the {MaxWindow >> 20} MiB the verifier reads at once")
    {
        public long Offset { get; } = offset;
    }

    private long OffsetOf(int index) => index == _elidedIndex ? _elidedOffset : _bufferBase + index;

    private bool WindowFull() => _end - _start == _buffer.Length && _buffer.Length >= MaxWindow;

    private ValueTooLargeException TooLarge()
    {
        var next = _start;
        while (next < _end && IsSpaceOrSeparator(_buffer[next]))
        {
            next++;
        }

        return new ValueTooLargeException(OffsetOf(next));
    }

    /// <summary>
    /// Drops whitespace before the next token (keeping a ',' or ':' there, moved up to the token), which the
    /// reader's state does not depend on; offsets of what follows are unchanged. False when there is none.
    /// </summary>
    private bool DropSpace()
    {
        var next = SkipSpace(_start);
        var separator = -1;
        if (next < _end && _buffer[next] is (byte)',' or (byte)':')
        {
            separator = next;
            next = SkipSpace(next + 1);
        }

        var newStart = separator >= 0 ? next - 1 : next;
        if (newStart <= _start)
        {
            return false;
        }

        if (separator >= 0)
        {
            _buffer[newStart] = _buffer[separator];
        }

        _start = newStart;
        return true;
    }

    /// <summary>
    /// When the window holds only the start of a string (after at most one separator), reads on to its closing
    /// quote, checking it as JSON, and leaves "" in its place for the reader, so its length costs no memory.
    /// </summary>
    private bool ElideString()
    {
        var quote = _start;
        if (quote < _end && _buffer[quote] is (byte)',' or (byte)':')
        {
            quote++;
        }

        if (quote >= _end || _buffer[quote] != (byte)'"')
        {
            return false;
        }

        var prefix = quote - _start;
        var separator = _buffer[_start];
        var openOffset = _bufferBase + quote;
        var scan = new StringScan();
        var from = quote + 1;
        int closing;
        while ((closing = scan.FindClosingQuote(_buffer.AsSpan(from, _end - from))) < 0)
        {
            // All of the window is inside the string: drop it and read on (leaving room for the "" put back).
            _bufferBase += _end;
            _start = 0;
            _end = _stream.Read(_buffer, 0, _buffer.Length - 4);
            from = 0;
            if (_end == 0)
            {
                throw new JsonException("the receipt ends inside a string");
            }
        }

        var rest = from + closing + 1;
        var restOffset = _bufferBase + rest;
        var kept = prefix + 2;
        Buffer.BlockCopy(_buffer, rest, _buffer, kept, _end - rest);
        if (prefix == 1)
        {
            _buffer[0] = separator;
        }

        _buffer[prefix] = (byte)'"';
        _buffer[prefix + 1] = (byte)'"';
        _end = kept + (_end - rest);
        _start = 0;
        _bufferBase = restOffset - kept;
        _elidedIndex = prefix;
        _elidedOffset = openOffset;
        return true;
    }

    private int SkipSpace(int index)
    {
        while (index < _end && _buffer[index] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            index++;
        }

        return index;
    }

    private static bool IsSpaceOrSeparator(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)':';

    /// <summary>The JSON string grammar after the opening quote, across chunks: escapes and control characters.</summary>
    private struct StringScan
    {
        private int _pending; // 0: plain; -1: after a backslash; 1..4: hex digits of a \u escape still to come

        /// <summary>Index of the closing quote in <paramref name="chunk"/>, or -1 when the string goes on.</summary>
        public int FindClosingQuote(ReadOnlySpan<byte> chunk)
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                var b = chunk[i];
                if (_pending == -1)
                {
                    _pending = b == (byte)'u' ? 4
                        : b is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' ? 0
                        : throw new JsonException("an invalid escape in a string");
                }
                else if (_pending > 0)
                {
                    _pending = char.IsAsciiHexDigit((char)b) ? _pending - 1 : throw new JsonException("an invalid \\u escape in a string");
                }
                else if (b == (byte)'"')
                {
                    return i;
                }
                else if (b == (byte)'\\')
                {
                    _pending = -1;
                }
                else if (b < 0x20)
                {
                    throw new JsonException("a control character in a string");
                }
            }

            return -1;
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        if (_start > _elidedIndex)
        {
            _elidedIndex = -1;
        }
    }

    /// <summary>Keeps the unread bytes, doubling the window when one value fills it, and reads more.</summary>
    private void Refill()
    {
        var unread = _end - _start;
        if (unread == _buffer.Length)
        {
            // Grows only up to MaxWindow: the callers refuse, drop or skip what a full window cannot hold.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        }

        _bufferBase += _start;
        _elidedIndex = _elidedIndex >= 0 ? _elidedIndex - _start : -1;
        _start = 0;
        _end = unread;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _final = read == 0;
    }
}
