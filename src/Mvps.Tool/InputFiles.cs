using Mvps.Codec.Capture;
using Mvps.IO;

namespace Mvps.Tool;

/// <summary>Checks that a named input is a readable, non-empty capture before any reader touches it; `-` is standard input.</summary>
internal static class InputFiles
{
    /// <summary>The name that stands for standard input, as in tcpdump -r - and tshark -r -.</summary>
    public const string StandardInput = "-";

    public static bool IsStandardInput(string path) => path == StandardInput;

    public static void RequireCapture(string path)
    {
        if (IsStandardInput(path))
        {
            if (!Console.IsInputRedirected)
            {
                // Waiting on a terminal for pcap bytes would look like a hang.
                throw new UsageException("-: standard input is a terminal, not a capture: pipe one in (tcpdump -w - ... | mvps verify -)");
            }

            return;
        }

        var name = DisplayName.Of(path);
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
        var kind = FileKind.Of(path);
        if (kind != FileKindValue.Regular)
        {
            throw new UsageException($"{DisplayName.Of(path)}: is {FileKind.Describe(kind)}; checking it against a receipt needs a regular file");
        }
    }

    /// <summary>Opens a capture file, or standard input for `-` (read forward only, never seeked).</summary>
    public static CaptureReader OpenCapture(string path)
    {
        RequireCapture(path);
        return IsStandardInput(path)
            ? CaptureReader.Open(Console.OpenStandardInput(), path, leaveOpen: false)
            : CaptureReader.Open(path);
    }

    /// <summary>Bytes to read, for a progress bar; 0 (unknown: standard input, a pipe) when it is not a regular file.</summary>
    public static long LengthForProgress(string path) =>
        !IsStandardInput(path) && FileKind.Of(path) == FileKindValue.Regular ? new FileInfo(path).Length : 0;
}
