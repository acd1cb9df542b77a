namespace Mvps.Release;

/// <summary>
/// Writes under a temporary name in the same folder, then renames into place, so an interrupted run
/// never leaves a half-written signature or checksum file under its real name.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes, UnixFileMode? unixMode = null)
    {
        string fullPath = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, "." + Path.GetFileName(fullPath) + ".partial");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (unixMode is UnixFileMode mode && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = mode;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (unixMode is UnixFileMode exact && !OperatingSystem.IsWindows())
            {
                // The create mode is narrowed by the umask; set it exactly so the result does not depend on it.
                File.SetUnixFileMode(temporary, exact);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
