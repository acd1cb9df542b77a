using Mvps.Codec.Capture;

namespace Mvps.Tool;

/// <summary>Checks that a named input is a readable, non-empty regular file before any reader touches it; `-` is standard input.</summary>
public static class InputFiles
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

        if (Directory.Exists(path))
        {
            throw new UsageException($"{path}: is a directory, not a capture file");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: no such file");
        }

        if (new FileInfo(path).Length == 0)
        {
            throw new UsageException($"{path}: empty file, not a capture");
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

    /// <summary>Bytes to read, for a progress bar; 0 (unknown) for standard input.</summary>
    public static long LengthForProgress(string path) => IsStandardInput(path) ? 0 : new FileInfo(path).Length;
}
