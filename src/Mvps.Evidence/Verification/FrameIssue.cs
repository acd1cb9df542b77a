using Mvps.Codec.Wire;

namespace Mvps.Evidence.Verification;

/// <summary>
/// A problem found in a capture: in one frame (index, record offset in the file, offset in the frame),
/// in what a receipt states about one frame (no offsets), or in the file as a whole (no frame).
/// Frames are counted from 0; Wireshark and tcpdump count from 1, so both numbers are printed.
/// </summary>
public readonly record struct FrameIssue(long? FrameIndex, long? RecordOffset, int FrameOffset, string Detail)
{
    internal static FrameIssue From(long frameIndex, long recordOffset, FrameProblem problem) =>
        new(frameIndex, recordOffset, problem.Offset, problem.Detail);

    internal static FrameIssue ForFile(string detail) => new(null, null, 0, detail);

    internal static FrameIssue ForReceiptEntry(long frameIndex, string detail) => new(frameIndex, null, 0, detail);

    /// <summary>The issue as one line, naming the frame by index and Wireshark number and the offsets where known.</summary>
    public override string ToString() => (FrameIndex, RecordOffset) switch
    {
        (long index, long offset) => FormattableString.Invariant(
            $"frame {index} (Wireshark no. {index + 1}, record at file offset {offset}), frame offset {FrameOffset}: {Detail}"),
        (long index, null) => FormattableString.Invariant($"frame {index} (Wireshark no. {index + 1}): {Detail}"),
        _ => "file: " + Detail,
    };
}
