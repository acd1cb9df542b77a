namespace Mvps.Codec.Capture;

/// <summary>The container format of a capture file, as recognised from its first bytes.</summary>
public enum CaptureFormat
{
    /// <summary>Classic libpcap with microsecond timestamps (magic 0xa1b2c3d4).</summary>
    PcapMicroseconds,

    /// <summary>Classic libpcap with nanosecond timestamps (magic 0xa1b23c4d).</summary>
    PcapNanoseconds,

    /// <summary>pcapng (a sequence of blocks starting with a Section Header Block).</summary>
    Pcapng,
}
