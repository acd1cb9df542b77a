using Mvps.Evidence.Receipt;

namespace Mvps.Evidence.Verification;

/// <summary>
/// Captures verified against the receipt that lists them: the one path of <c>mvps verify --receipt</c> and
/// <c>mvps verify-release</c>. The receipt is read once; each capture is looked up by its file name and checked
/// strictly, frame by frame, against the size, hashes and frames the receipt states for it. The commands differ
/// only in which files they give and how they word the outcome.
/// </summary>
public sealed class ReceiptVerifier
{
    private readonly IReadOnlyDictionary<string, ReceiptExpectations> _captures;

    private ReceiptVerifier(IReadOnlyDictionary<string, ReceiptExpectations> captures) => _captures = captures;

    /// <summary>
    /// Reads the receipt at <paramref name="receiptPath"/>. A receipt that is not usable (empty, too large, not
    /// JSON, members missing or of the wrong type) throws <see cref="InvalidDataException"/> with one line naming
    /// it; one that cannot be opened throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public static ReceiptVerifier Load(string receiptPath) => new(ReceiptExpectations.Load(receiptPath));

    /// <summary>True when the receipt lists the file name of <paramref name="capturePath"/>.</summary>
    public bool Lists(string capturePath) => _captures.ContainsKey(Path.GetFileName(capturePath));

    /// <summary>
    /// The verdict on the capture at <paramref name="capturePath"/> against what the receipt states for its file
    /// name, on <paramref name="threads"/> threads; null when the receipt does not list it. Throws
    /// <see cref="Codec.Capture.CaptureFormatException"/> when the file is not a usable capture.
    /// </summary>
    public CaptureVerdict? Verify(string capturePath, string displayName, ReadOnlySpan<byte> key, int threads, IProgress<long>? progress = null) =>
        _captures.TryGetValue(Path.GetFileName(capturePath), out var expected)
            ? CaptureVerifier.Verify(capturePath, displayName, key, threads, VerificationMode.Strict, expected, progress)
            : null;
}
