using Mvps.Codec.Wire;

namespace Mvps.Codec.Verification;

/// <summary>
/// A problem found in a capture: in one frame (index, record offset in the file, offset in the frame),
/// or in the file as a whole when <see cref="FrameIndex"/> is null.
/// </summary>
public readonly record struct FrameIssue(long? FrameIndex, long RecordOffset, int FrameOffset, string Detail)
{
    public static FrameIssue From(long frameIndex, long recordOffset, FrameProblem problem) =>
        new(frameIndex, recordOffset, problem.Offset, problem.Detail);

    public static FrameIssue ForFile(string detail) => new(null, 0, 0, detail);

    public override string ToString() => FrameIndex is long index
        ? FormattableString.Invariant($"frame {index} (record at file offset {RecordOffset}), frame offset {FrameOffset}: {Detail}")
        : "file: " + Detail;
}
