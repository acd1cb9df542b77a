namespace Mvps.IO;

/// <summary>
/// Reads a whole small input (key, public key, receipt, release metadata) with a hard limit: it reads at most
/// limit + 1 bytes from whatever it is given, a regular file, a pipe (`/dev/stdin`, `&lt;(pass show key)`, a FIFO)
/// or a device, whatever length the file system reports (a device, a pipe or a /proc file reports 0).
/// Pipes are how a secret reaches a program without touching the disk, so they are normal inputs; only a
/// reader that must seek (<see cref="OpenRegular"/>) asks for a regular file, and says why.
/// Every refusal is an <see cref="InvalidDataException"/> with one line naming the file.
/// </summary>
internal static class BoundedFile
{
    /// <summary>
    /// Throws unless <paramref name="path"/> is (or with <paramref name="followLinks"/> links to) a regular file;
    /// <paramref name="why"/> says why only one will do (a pipe is read once, forward only), for the refusal's line.
    /// </summary>
    public static void RequireRegular(string path, string what, bool followLinks = true, string? why = null)
    {
        var kind = FileKind.Of(path, followLinks);
        if (kind == FileKindValue.Missing)
        {
            throw new InvalidDataException($"{DisplayName.Of(path)}: no such file (a {what} file was expected)");
        }

        if (kind != FileKindValue.Regular)
        {
            var streams = kind is FileKindValue.Fifo or FileKindValue.CharacterDevice or FileKindValue.BlockDevice;
            throw new InvalidDataException(why is null || !streams
                ? $"{DisplayName.Of(path)}: is {FileKind.Describe(kind)}, not a regular {what} file"
                : $"{DisplayName.Of(path)}: is {FileKind.Describe(kind)}; {why}, so it must be a regular file");
        }
    }

    /// <summary>
    /// Throws unless <paramref name="path"/> can be read forward to its end: a regular file, a FIFO or pipe, or a
    /// device. A folder, a socket (open(2) cannot open one) and, without <paramref name="followLinks"/>, a link are refused.
    /// </summary>
    public static void RequireReadable(string path, string what, bool followLinks = true)
    {
        var kind = FileKind.Of(path, followLinks);
        switch (kind)
        {
            case FileKindValue.Missing:
                throw new InvalidDataException($"{DisplayName.Of(path)}: no such file (a {what} file was expected)");
            case FileKindValue.Regular or FileKindValue.Fifo or FileKindValue.CharacterDevice or FileKindValue.BlockDevice:
                return;
            default:
                throw new InvalidDataException($"{DisplayName.Of(path)}: is {FileKind.Describe(kind)}, not a {what} file");
        }
    }

    public static byte[] ReadAll(string path, long limit, string what, bool followLinks = true)
    {
        RequireReadable(path, what, followLinks);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        return ReadAll(stream, path, limit, what);
    }

    /// <summary>Reads <paramref name="stream"/> to its end, or throws once more than <paramref name="limit"/> bytes arrive.</summary>
    public static byte[] ReadAll(Stream stream, string path, long limit, string what)
    {
        // A regular file that already reports more is refused unread; one that reports less (a /proc file
        // says 0, a file may grow) is still cut off at limit + 1 bytes below.
        var reported = stream.CanSeek ? stream.Length : 0;
        if (reported > limit)
        {
            throw TooLarge(path, limit, what);
        }

        // Sized to the reported length, so a truthful file is read into one array and returned without a copy.
        var buffer = new MemoryStream((int)Math.Min(reported > 0 ? reported : 1 << 16, limit + 1));
        var chunk = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var want = (int)Math.Min(chunk.Length, limit + 1 - buffer.Length);
                var read = stream.Read(chunk, 0, want);
                if (read == 0)
                {
                    return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
                }

                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    throw TooLarge(path, limit, what);
                }
            }
        }
        finally
        {
            // The bytes may be a signing key: no copy of them stays behind in the scratch chunk.
            Array.Clear(chunk);
        }
    }

    /// <summary>
    /// Opens a file, pipe or device to be read forward once by a reader that holds only a window of it: a regular
    /// file reporting more than <paramref name="limit"/> is refused unread, and a read past the limit throws the same
    /// one line as <see cref="ReadAll(string, long, string, bool)"/>, so a pipe that never ends cannot run forever.
    /// </summary>
    public static Stream OpenForward(string path, long limit, string what)
    {
        RequireReadable(path, what);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (stream.CanSeek && stream.Length > limit)
        {
            stream.Dispose();
            throw TooLarge(path, limit, what);
        }

        return new LimitedStream(stream, path, limit, what);
    }

    /// <summary>Reads through to an inner stream until more than the limit has arrived, then throws.</summary>
    private sealed class LimitedStream(Stream inner, string path, long limit, string what) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, (int)Math.Min(count, limit + 1 - _read));
            _read += read;
            return _read > limit ? throw TooLarge(path, limit, what) : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Opens a regular file for a reader that seeks, after <see cref="RequireRegular"/>.</summary>
    public static FileStream OpenRegular(string path, string what, bool followLinks = true, string? why = null)
    {
        RequireRegular(path, what, followLinks, why);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    private static InvalidDataException TooLarge(string path, long limit, string what) =>
        new($"{DisplayName.Of(path)}: larger than the {Limit(limit)} limit for a {what} file");

    public static string Limit(long bytes) =>
        bytes % (1 << 20) == 0 ? (bytes >> 20).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MiB"
        : bytes % 1024 == 0 ? (bytes >> 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + " KiB"
        : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-byte";
}
