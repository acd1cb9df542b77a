using Mvps.Evidence.Regimes;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// What the receipt records about how the captures were made. <see cref="PublicKeyText"/> is the
/// HMAC key only when it is the seed's public proof key; any other key is never written.
/// </summary>
public sealed record ReceiptSettings(ulong Seed, long FramesPerCapture, string? PublicKeyText)
{
    /// <summary>Per-frame entries are written up to this many frames per capture; beyond it the receipt lists files only.</summary>
    internal const long MaxFramesListed = 100_000;

    internal bool ListsFrames => FramesPerCapture <= MaxFramesListed;
}
