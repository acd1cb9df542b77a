using Mvps.Codec.Capture;

namespace Mvps.Interop.Tests.Network;

/// <summary>The records of a capture, copied out of the codec's streaming reader.</summary>
internal static class CaptureFile
{
    public static List<byte[]> Frames(string path)
    {
        var frames = new List<byte[]>();
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return frames;
        }

        using var reader = CaptureReader.Open(path);
        while (reader.TryReadNext(out var record))
        {
            frames.Add(record.Data.ToArray());
        }

        return frames;
    }

    /// <summary>
    /// Frames of a capture that tcpdump may still be writing (-U: whole records): a truncated last record is
    /// not counted yet.
    /// </summary>
    public static int CountFrom(string path, string sourceAddress)
    {
        try
        {
            byte[] source = [.. sourceAddress.Split('.').Select(byte.Parse)];
            return Frames(path).Count(frame => frame.Length >= 34 && frame.AsSpan(26, 4).SequenceEqual(source));
        }
        catch (CaptureFormatException)
        {
            return 0;
        }
    }
}
