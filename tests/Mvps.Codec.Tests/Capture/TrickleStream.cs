namespace Mvps.Codec.Tests.Capture;

/// <summary>
/// A non-seekable stream over fixed bytes that returns at most a few bytes per Read, so every refill path
/// of the reader (partial headers, records split across reads) is exercised.
/// </summary>
internal sealed class TrickleStream(byte[] content, int maxBytesPerRead) : ForwardOnlyReadStream
{
    private int _position;

    public bool WasDisposed { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, maxBytesPerRead), content.Length - _position);
        Array.Copy(content, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        WasDisposed = true;
        base.Dispose(disposing);
    }
}
