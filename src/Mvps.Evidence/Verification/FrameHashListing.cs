using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.IO;

namespace Mvps.Evidence.Verification;

/// <summary>
/// The approval snapshot of a capture: one line per frame with its index, the SHA-256 of its BFD payload
/// (frame bytes 42..109) and of the whole frame. The approval tests and the build's Snapshot target both
/// render it here, so the committed approvals have one format and one owner; the approval files' names
/// belong to the test side (build/Determinism/FrameHashApprovals.cs).
/// </summary>
public static class FrameHashListing
{
    /// <summary>The listing of <paramref name="capture"/>, named <paramref name="fileName"/> in its header line; LF, no final newline.</summary>
    public static string Render(Stream capture, string fileName)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {fileName}: frame index -> payload SHA-256, frame SHA-256");
        using var reader = CaptureReader.Open(capture, fileName);
        while (reader.TryReadNext(out var record))
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture,
                $"{record.Index,2} -> {LowerHex.Of(SHA256.HashData(record.Data[FieldLocations.Bfd..]))} {LowerHex.Of(SHA256.HashData(record.Data))}");
        }

        return text.ToString();
    }
}
