using System.Security.Cryptography;

namespace Mvps.Codec.Wire;

/// <summary>
/// Computes and checks the truncated HMAC-SHA256 tag over frame bytes 42..97.
/// Keyed once: the HMAC state is reset, not re-keyed, between frames. Not thread-safe;
/// give each thread its own instance.
/// </summary>
public sealed class FrameAuthenticator : IDisposable
{
    private readonly IncrementalHash _hmac;

    public FrameAuthenticator(ReadOnlySpan<byte> key)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
    }

    public static FrameAuthenticator ForProofKey() => new(System.Text.Encoding.ASCII.GetBytes(WireConstants.ProofKeyText));

    /// <summary>Writes the 12-byte tag for a frame whose bytes 42..97 are already in place.</summary>
    public void ComputeTag(ReadOnlySpan<byte> frame, Span<byte> tag)
    {
        Span<byte> full = stackalloc byte[32];
        _hmac.AppendData(frame.Slice(FieldLocations.Bfd, FieldLengths.Authenticated));
        _hmac.GetHashAndReset(full);
        full[..FieldLengths.Tag].CopyTo(tag);
    }

    /// <summary>Constant-time comparison of the frame's tag with the one its bytes 42..97 call for.</summary>
    public bool VerifyTag(ReadOnlySpan<byte> frame, Span<byte> expectedTag)
    {
        ComputeTag(frame, expectedTag);
        return CryptographicOperations.FixedTimeEquals(expectedTag, frame.Slice(FieldLocations.Tag, FieldLengths.Tag));
    }

    public void Dispose() => _hmac.Dispose();
}
