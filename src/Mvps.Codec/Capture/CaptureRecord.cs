namespace Mvps.Codec.Capture;

/// <summary>
/// One packet record of a capture. <see cref="Data"/> points into the reader's buffer and is valid only
/// until the next <see cref="CaptureReader.TryReadNext"/> call; copy it to keep it.
/// </summary>
public readonly ref struct CaptureRecord
{
    internal CaptureRecord(
        long index,
        long fileOffset,
        long timestampSeconds,
        uint timestampNanoseconds,
        int originalLength,
        uint linkType,
        ReadOnlySpan<byte> data)
    {
        Index = index;
        FileOffset = fileOffset;
        TimestampSeconds = timestampSeconds;
        TimestampNanoseconds = timestampNanoseconds;
        OriginalLength = originalLength;
        LinkType = linkType;
        Data = data;
    }

    /// <summary>0-based number of this record among the packet records of the file.</summary>
    public long Index { get; }

    /// <summary>Byte offset of the record header (classic) or packet block (pcapng) in the file.</summary>
    public long FileOffset { get; }

    /// <summary>Whole seconds since the Unix epoch (pcapng if_tsoffset already applied).</summary>
    public long TimestampSeconds { get; }

    /// <summary>Fraction of the second in nanoseconds, whatever the file's resolution; always below 1e9.</summary>
    public uint TimestampNanoseconds { get; }

    /// <summary>
    /// The fraction in whole microseconds, truncated: what a microsecond pcap holds, and what the receipt and
    /// <c>mvps decode</c> print, whatever the file's resolution.
    /// </summary>
    public uint TimestampMicroseconds => TimestampNanoseconds / (CaptureLayout.NanosecondsPerSecond / CaptureLayout.MicrosecondsPerSecond);

    /// <summary>Length of the packet on the wire, which may exceed the captured <see cref="Data"/>.</summary>
    public int OriginalLength { get; }

    /// <summary>LINKTYPE_* of the file (classic) or of the record's interface (pcapng).</summary>
    public uint LinkType { get; }

    /// <summary>The captured bytes.</summary>
    public ReadOnlySpan<byte> Data { get; }
}
