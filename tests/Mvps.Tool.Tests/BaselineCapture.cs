namespace Mvps.Tool.Tests;

/// <summary>
/// The committed baseline capture, as the hostile-input tests cut and patch it: a classic pcap of 110-byte frames.
/// The lengths are written out here rather than taken from the codec, so a layout change shows up as failing tests.
/// </summary>
internal static class BaselineCapture
{
    public const int PcapHeader = 24;
    public const int RecordHeader = 16;
    public const int Frame = 110;

    public static byte[] Bytes() => File.ReadAllBytes(MvpsProcess.Evidence("mvps_baseline.pcap"));

    /// <summary>The first frame's bytes, without its record header.</summary>
    public static byte[] FirstFrame() => Bytes().AsSpan(PcapHeader + RecordHeader, Frame).ToArray();
}
