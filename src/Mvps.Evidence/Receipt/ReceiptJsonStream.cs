using System.Text.Json;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// Pulls JSON tokens, or whole small values as documents, from a receipt file through a window that grows
/// only as far as the largest single value needs, so a receipt listing 100,000 frames per capture is
/// read without holding it. Token positions are absolute file offsets, so a reader can later start again
/// at one array (a capture's "frames") and walk it a second time.
/// </summary>
internal sealed class ReceiptJsonStream : IDisposable
{
    private const int InitialWindow = 1 << 16;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[InitialWindow];
    private long _bufferBase;
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;

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
    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                TokenType = reader.TokenType;
                TokenOffset = _bufferBase + _start + reader.TokenStartIndex;
                Text = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
                Commit(ref reader);
                return true;
            }

            if (_final)
            {
                return false;
            }

            Refill();
        }
    }

    /// <summary>
    /// The next whole value (after a property name, or the next element of an array) as a document;
    /// null when the array ends instead. The caller disposes the document.
    /// </summary>
    public JsonDocument? ReadValue()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                long offset = _bufferBase + _start + reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
                {
                    TokenType = reader.TokenType;
                    TokenOffset = offset;
                    Commit(ref reader);
                    return null;
                }

                if (JsonDocument.TryParseValue(ref reader, out JsonDocument? document))
                {
                    TokenType = reader.TokenType;
                    TokenOffset = offset;
                    Commit(ref reader);
                    return document;
                }
            }

            if (_final)
            {
                throw new JsonException("the receipt ends in the middle of a value");
            }

            Refill();
        }
    }

    public void Dispose() => _stream.Dispose();

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>Keeps the unread bytes, doubling the window when one value fills it, and reads more.</summary>
    private void Refill()
    {
        int unread = _end - _start;
        if (unread == _buffer.Length)
        {
            Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        }

        _bufferBase += _start;
        _start = 0;
        _end = unread;
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _final = read == 0;
    }
}
