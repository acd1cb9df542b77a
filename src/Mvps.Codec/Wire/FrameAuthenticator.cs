using System.Security.Cryptography;
using Mvps.Codec.Crypto;

namespace Mvps.Codec.Wire;

/// <summary>
/// Computes and checks the truncated HMAC-SHA256 tag over frame bytes 42..97.
/// Keyed once: the inner and outer key states are computed at construction and each tag costs three
/// SHA-256 block compressions (<see cref="PrecomputedHmacSha256"/>); where that native path is unavailable
/// a BCL HMAC is reset, not re-keyed, between frames. Not thread-safe; give each thread its own instance.
/// </summary>
public sealed class FrameAuthenticator : IDisposable
{
    private const int DigestLength = 32;

    private readonly PrecomputedHmacSha256? _precomputed;
    private readonly IncrementalHash? _hmac;

    /// <summary>An authenticator for HMAC-SHA256 with <paramref name="key"/>, truncated to the 12-byte tag.</summary>
    /// <param name="key">The shared secret, any length.</param>
    public FrameAuthenticator(ReadOnlySpan<byte> key)
        : this(key, allowNative: true)
    {
    }

    internal FrameAuthenticator(ReadOnlySpan<byte> key, bool allowNative)
    {
        _precomputed = allowNative ? PrecomputedHmacSha256.TryCreate(key) : null;
        if (_precomputed is null)
        {
            _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        }
    }

    /// <summary>True when tags come from precomputed key states, false on the BCL fallback.</summary>
    internal bool UsesPrecomputedKeyStates => _precomputed is not null;

    /// <summary>An authenticator for the public proof key (<see cref="WireConstants.ProofKeyText"/>) that the evidence captures use.</summary>
    public static FrameAuthenticator ForProofKey() => new(System.Text.Encoding.ASCII.GetBytes(WireConstants.ProofKeyText));

    /// <summary>Writes the 12-byte tag for a frame whose bytes 42..97 are already in place.</summary>
    public void ComputeTag(ReadOnlySpan<byte> frame, Span<byte> tag) => ComputePayloadTag(frame[FieldLocations.Bfd..], tag);

    /// <summary>Writes the 12-byte tag for a UDP payload whose first 56 bytes are in place, however it was encapsulated.</summary>
    public void ComputePayloadTag(ReadOnlySpan<byte> payload, Span<byte> tag)
    {
        var authenticated = payload[..FieldLengths.Authenticated];
        if (_precomputed is not null)
        {
            _precomputed.Compute(authenticated, tag[..FieldLengths.Tag]);
            return;
        }

        Span<byte> full = stackalloc byte[DigestLength];
        _hmac!.AppendData(authenticated);
        _hmac.GetHashAndReset(full);
        full[..FieldLengths.Tag].CopyTo(tag);
    }

    /// <summary>Payloads per <see cref="ComputePayloadTags"/> call.</summary>
    public const int TagBatchSize = PrecomputedHmacSha256.BatchSize;

    /// <summary>
    /// The 12-byte tags of up to <see cref="TagBatchSize"/> UDP payloads at <paramref name="payloadOffsets"/> in
    /// <paramref name="source"/>, one after another in <paramref name="tags"/>: the verifier's batched path.
    /// </summary>
    public void ComputePayloadTags(ReadOnlySpan<byte> source, ReadOnlySpan<int> payloadOffsets, Span<byte> tags)
    {
        if (_precomputed is not null)
        {
            _precomputed.ComputeBatch(source, payloadOffsets, FieldLengths.Tag, tags);
            return;
        }

        for (var i = 0; i < payloadOffsets.Length; i++)
        {
            ComputePayloadTag(source[payloadOffsets[i]..], tags.Slice(i * FieldLengths.Tag, FieldLengths.Tag));
        }
    }

    /// <summary>Constant-time comparison of the frame's tag with the one its bytes 42..97 call for.</summary>
    public bool VerifyTag(ReadOnlySpan<byte> frame, Span<byte> expectedTag) => VerifyPayloadTag(frame[FieldLocations.Bfd..], expectedTag);

    /// <summary>As <see cref="VerifyTag"/>, on the 68-byte UDP payload alone.</summary>
    public bool VerifyPayloadTag(ReadOnlySpan<byte> payload, Span<byte> expectedTag)
    {
        ComputePayloadTag(payload, expectedTag);
        return CryptographicOperations.FixedTimeEquals(expectedTag[..FieldLengths.Tag], payload.Slice(PayloadLocations.Tag, FieldLengths.Tag));
    }

    /// <summary>Clears and releases the HMAC state.</summary>
    public void Dispose()
    {
        _precomputed?.Dispose();
        _hmac?.Dispose();
    }
}
