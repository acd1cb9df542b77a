using System.Globalization;

namespace Mvps.Codec.Capture;

/// <summary>
/// A capture file that cannot be read. The message is one line:
/// "display name: record N at offset O: problem" (or "display name: offset O: problem" outside records).
/// </summary>
public sealed class CaptureFormatException : Exception
{
    /// <summary>A problem at <paramref name="offset"/>, inside record <paramref name="recordIndex"/> when there is one.</summary>
    /// <param name="displayName">The file as the user named it; starts the message.</param>
    /// <param name="recordIndex">Zero-based index of the record being read, or null for the file or block headers.</param>
    /// <param name="offset">Byte offset in the file where the problem was found.</param>
    /// <param name="problem">What is wrong, in a few words.</param>
    public CaptureFormatException(string displayName, long? recordIndex, long offset, string problem)
        : base(Compose(displayName, recordIndex, offset, problem))
    {
        DisplayName = displayName;
        RecordIndex = recordIndex;
        Offset = offset;
        Problem = problem;
    }

    /// <summary>The name the capture was opened under.</summary>
    public string DisplayName { get; }

    /// <summary>0-based record number, when the problem belongs to a record.</summary>
    public long? RecordIndex { get; }

    /// <summary>Byte offset in the file of the structure (header, record, block) that is wrong.</summary>
    public long Offset { get; }

    /// <summary>The problem alone, without file name and position.</summary>
    public string Problem { get; }

    private static string Compose(string displayName, long? recordIndex, long offset, string problem)
    {
        displayName = Mvps.IO.DisplayName.Of(displayName);
        var text = recordIndex is long index
            ? string.Create(CultureInfo.InvariantCulture, $"{displayName}: record {index} at offset {offset}: {problem}")
            : string.Create(CultureInfo.InvariantCulture, $"{displayName}: offset {offset}: {problem}");
        return SingleLine(text);
    }

    // A file name may contain control characters; the message must stay one line whatever it is called.
    private static string SingleLine(string text) => Mvps.IO.DisplayName.Clean(text);
}
