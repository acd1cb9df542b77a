using System.Text.Json;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// Where a capture entry's contents are in its receipt: the "summary" (small, kept) and the file offset
/// of its "frames" array, which the content check reads again frame by frame instead of holding it.
/// </summary>
internal sealed record ReceiptContents(string ReceiptPath, long FramesOffset, JsonElement? Summary);
