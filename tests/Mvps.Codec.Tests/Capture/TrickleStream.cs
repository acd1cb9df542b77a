namespace Mvps.Codec.Tests.Capture;

/// <summary>
/// A non-seekable stream over fixed bytes that returns at most a few bytes per Read, so every refill path
/// of the reader (partial headers, records split across reads) is exercised.
/// </summary>
internal sealed class TrickleStream(byte[] content, int maxBytesPerRead) : Stream
{
    private int _position;

    public bool WasDisposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, maxBytesPerRead), content.Length - _position);
        Array.Copy(content, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        WasDisposed = true;
        base.Dispose(disposing);
    }
}
