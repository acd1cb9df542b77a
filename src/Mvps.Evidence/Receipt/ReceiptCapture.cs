using Mvps.Evidence.Regimes;

namespace Mvps.Evidence.Receipt;

/// <summary>A capture file on disk and the regime it was generated from.</summary>
public sealed record ReceiptCapture(RegimeProfile Profile, string Path);
