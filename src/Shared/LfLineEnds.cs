namespace Mvps.IO;

/// <summary>
/// LF line ends for indented JSON on every OS and runtime. Utf8JsonWriter writes Environment.NewLine between
/// lines (CRLF on Windows) and only .NET 9+ can change that (JsonWriterOptions.NewLine); the shipped
/// assemblies also build for net8.0 (the net8 evidence run, docs/build.md), so the writer's output goes
/// through <see cref="For"/> instead. The writer escapes a CR inside a string as <c>\r</c>, so every raw CR
/// byte it writes belongs to a line end, and dropping those bytes leaves exactly LF line ends.
/// </summary>
internal static class LfLineEnds
{
    /// <summary><paramref name="output"/> itself where the new line is already LF, else a write-through filter that drops CR bytes.</summary>
    public static Stream For(Stream output) => Environment.NewLine == "\n" ? output : DropCarriageReturns(output);

    /// <summary>A write-through stream that passes every byte to <paramref name="output"/> except CR (0x0D).</summary>
    internal static Stream DropCarriageReturns(Stream output) => new CarriageReturnFilter(output);

    private sealed class CarriageReturnFilter(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                var cr = buffer.IndexOf((byte)'\r');
                inner.Write(cr < 0 ? buffer : buffer[..cr]);
                buffer = cr < 0 ? default : buffer[(cr + 1)..];
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
