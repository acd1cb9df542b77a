using Mvps.IO;

namespace Mvps.Tool;

/// <summary>Checks that a named input is a readable, non-empty capture before any reader touches it.</summary>
public static class InputFiles
{
    public static void RequireCapture(string path)
    {
        string name = DisplayName.Of(path);
        switch (FileKind.Of(path))
        {
            case FileKindValue.Directory:
                throw new UsageException($"{name}: is a directory, not a capture file");
            case FileKindValue.Missing:
                throw new UsageException($"{name}: no such file");
            case FileKindValue.Regular:
                // Opened, not FileInfo: through a symlink FileInfo measures the link itself.
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
                {
                    if (stream.Length == 0)
                    {
                        throw new UsageException($"{name}: empty file, not a capture");
                    }
                }

                break;
            default:
                // A pipe (e.g. <(zcat x.pcap.gz)) streams once; the reader bounds what it reads from a device.
                break;
        }
    }

    /// <summary>For inputs read twice (verify --receipt hashes the file after checking its frames): a regular file only.</summary>
    public static void RequireRegularCapture(string path)
    {
        RequireCapture(path);
        FileKindValue kind = FileKind.Of(path);
        if (kind != FileKindValue.Regular)
        {
            throw new UsageException($"{DisplayName.Of(path)}: is {FileKind.Describe(kind)}; checking it against a receipt needs a regular file");
        }
    }
}
