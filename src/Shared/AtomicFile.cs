using System.Security.Cryptography;
using System.Text;

namespace Mvps.IO;

/// <summary>
/// The one way this project writes a file: an exclusive temporary file with an unpredictable name in the
/// target's own folder (<see cref="FileMode.CreateNew"/>, which never follows a planted symlink), flushed,
/// then renamed over the final name (rename replaces a symlink there instead of writing through it).
/// A failed run deletes only its own temporary file; a run killed outright leaves it behind, and the next
/// write of the same name removes such leftovers only when no live writer holds their lock.
/// Linked (one source) into Mvps.Codec, Mvps.Evidence, Mvps.Release, Mvps.Tool, the build engine and the build.
/// </summary>
internal static class AtomicFile
{
    private const string TemporarySuffix = ".partial";

    public static void Write(string path, ReadOnlySpan<byte> bytes, UnixFileMode? unixMode = null)
    {
        // A span cannot enter a lambda; copy once (these are small metadata files).
        byte[] copy = bytes.ToArray();
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
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        string name = Path.GetFileName(fullPath);
        RemoveAbandoned(directory, name);

        // 128 random bits: another process cannot guess the name to plant a link or a file there first.
        string temporary = Path.Combine(directory, "." + name + "." + RandomNumberGenerator.GetHexString(32, lowercase: true) + TemporarySuffix);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            // FileShare.None is an exclusive advisory lock on Unix: it marks the file as a live run's.
            Share = FileShare.None,
            BufferSize = 1 << 16,
        };
        if (unixMode is UnixFileMode createMode && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = createMode;
        }

        FileStream? stream = null;
        bool created = false;
        try
        {
            stream = new FileStream(temporary, options);
            created = true;
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

            // Renamed while the lock is still held, so no other run's cleanup can take it for abandoned.
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
        }
    }

    /// <summary>
    /// Deletes temporary files of <paramref name="name"/> left by killed runs: non-empty regular files (never
    /// links) with this name's pattern whose exclusive lock can be taken, which a live writer would still hold.
    /// </summary>
    private static void RemoveAbandoned(string directory, string name)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(directory))
        {
            return;
        }

        string prefix = "." + name + ".";
        foreach (string candidate in Directory.EnumerateFiles(directory, prefix + "*" + TemporarySuffix))
        {
            string middle = Path.GetFileName(candidate)[prefix.Length..^TemporarySuffix.Length];
            if (middle.Length != 32 || !middle.All(char.IsAsciiHexDigitLower))
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

                using (new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    File.Delete(candidate);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Locked by a live run, or already gone: not ours to remove.
            }
        }
    }
}
