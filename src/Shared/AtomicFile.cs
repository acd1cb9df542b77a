using System.Security.Cryptography;
using System.Text;

namespace Mvps.IO;

/// <summary>
/// The one way this project writes a file: an exclusive temporary file with an unpredictable name in the
/// target's own folder (<see cref="FileMode.CreateNew"/>, which never follows a planted symlink), flushed,
/// then renamed over the final name (rename replaces a symlink there instead of writing through it).
/// A failed run deletes only its own temporary file; a run killed outright leaves it behind, and the next
/// write of the same name removes such leftovers only when no live writer holds their lock.
/// The liveness lock is a record lock (fcntl F_SETLK, <see cref="FileStream.Lock"/>), not the flock .NET takes
/// for <see cref="FileShare"/>: every .NET reader takes a shared flock, so an exclusive
/// flock still held on the temporary file when it becomes the final one refused concurrent readers of the final
/// file ("being used by another process"). Readers never ask for record locks, so this one may be held through
/// the rename without refusing anyone, and the cleanup's own test of it never touches a reader either.
/// Linked (one source) into Mvps.Codec, Mvps.Evidence, Mvps.Release, Mvps.Tool, the build engine and the build.
/// </summary>
internal static class AtomicFile
{
    private const string TemporarySuffix = ".partial";

    /// <summary>
    /// This process's live temporary files. Record locks belong to the process, so they never conflict within
    /// it, and closing any handle of a file drops all of them: the cleanup must not even open its own writers' files.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Live = new(StringComparer.Ordinal);

    public static void Write(string path, ReadOnlySpan<byte> bytes, UnixFileMode? unixMode = null)
    {
        // A span cannot enter a lambda; copy once (these are small metadata files).
        var copy = bytes.ToArray();
        try
        {
            Write(path, stream => stream.Write(copy), unixMode);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    public static void WriteAllText(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Write(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content));
    }

    public static void Write(string path, Action<Stream> write, UnixFileMode? unixMode = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        var name = Path.GetFileName(fullPath);
        RemoveAbandoned(directory, name);

        // 128 random bits: another process cannot guess the name to plant a link or a file there first.
        var temporary = Path.Combine(directory, "." + name + "." + RandomNumberGenerator.GetHexString(32, lowercase: true) + TemporarySuffix);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            // Not FileShare.None: on Unix that is an exclusive flock, which would refuse every reader of the final
            // file until this stream is closed after the rename. Others may read; the record lock marks it live.
            Share = FileShare.Read,
            BufferSize = 1 << 16,
        };
        if (unixMode is UnixFileMode createMode && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = createMode;
        }

        FileStream? stream = null;
        var created = false;
        try
        {
            Live[temporary] = 0;
            stream = new FileStream(temporary, options);
            created = true;
            if (CanRecordLock)
            {
                // Taken before the first byte is written: a non-empty unlocked temporary file is then provably abandoned.
                stream.Lock(0, 0);
            }

            write(stream);
            stream.Flush(flushToDisk: true);
            if (unixMode is UnixFileMode exact && !OperatingSystem.IsWindows())
            {
                // The create mode is narrowed by the umask; set it exactly, on the handle, so it cannot be redirected.
                File.SetUnixFileMode(stream.SafeFileHandle, exact);
            }

            if (OperatingSystem.IsWindows())
            {
                stream.Dispose();
                stream = null;
            }

            // Renamed while the record lock is still held, so no other run's cleanup can take it for abandoned.
            File.Move(temporary, fullPath, overwrite: true);
            created = false;
        }
        finally
        {
            stream?.Dispose();
            if (created)
            {
                File.Delete(temporary);
            }

            Live.TryRemove(temporary, out _);
        }
    }

    /// <summary>
    /// Record locks (fcntl, owned by the process: released when the writer closes its file or dies). .NET supports them on Linux and Windows, not on macOS or FreeBSD, where leftovers stay.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatformGuard("linux")]
    private static bool CanRecordLock => OperatingSystem.IsLinux();

    /// <summary>
    /// Deletes temporary files of <paramref name="name"/> left by killed runs: non-empty regular files (never
    /// links) with this name's pattern whose record lock can be taken, which a live writer would still hold.
    /// </summary>
    private static void RemoveAbandoned(string directory, string name)
    {
        if (!CanRecordLock || !Directory.Exists(directory))
        {
            return;
        }

        var prefix = "." + name + ".";
        foreach (var candidate in Directory.EnumerateFiles(directory, prefix + "*" + TemporarySuffix))
        {
            var middle = Path.GetFileName(candidate)[prefix.Length..^TemporarySuffix.Length];
            if (middle.Length != 32 || !middle.All(char.IsAsciiHexDigitLower) || Live.ContainsKey(candidate))
            {
                continue;
            }

            try
            {
                if (FileKind.Of(candidate, followLinks: false) != FileKindValue.Regular)
                {
                    continue; // never open a link or a FIFO someone planted under the pattern
                }

                // A writer opens with O_EXCL and takes its lock a moment later; an empty file may be in that
                // moment, and taking its lock then would make the live writer fail. Bytes reach the disk only
                // after the lock is held, so a non-empty unlocked file is provably abandoned.
                if (new FileInfo(candidate).Length == 0)
                {
                    continue;
                }

                // Opened sharing everything (a shared flock at most) and tested with the record lock only: if the
                // writer renames it to the final name meanwhile, this handle must not refuse that file's readers.
                // The name has 128 random bits, so once renamed nothing recreates it, and the delete is a no-op.
                using var probe = new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                probe.Lock(0, 0);
                File.Delete(candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Locked by a live run, or already gone: not ours to remove.
            }
        }
    }
}
