using System.Globalization;
using System.Text;

namespace Mvps.Release;

/// <summary>
/// DSSE v1 signing: the signature covers the pre-authentication encoding
/// PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body (lengths are ASCII decimal byte
/// counts), never the JSON around it, so the payload type is authenticated together with the payload.
/// </summary>
internal static class Dsse
{
    private static readonly byte[] Prefix = "DSSEv1 "u8.ToArray();

    public static byte[] PreAuthenticationEncoding(string payloadType, ReadOnlySpan<byte> payload)
    {
        var type = Encoding.UTF8.GetBytes(payloadType);
        var typeLength = Encoding.ASCII.GetBytes(type.Length.ToString(CultureInfo.InvariantCulture) + " ");
        var payloadLength = Encoding.ASCII.GetBytes(" " + payload.Length.ToString(CultureInfo.InvariantCulture) + " ");
        var result = new byte[Prefix.Length + typeLength.Length + type.Length + payloadLength.Length + payload.Length];
        var span = result.AsSpan();
        Prefix.CopyTo(span);
        span = span[Prefix.Length..];
        typeLength.CopyTo(span);
        span = span[typeLength.Length..];
        type.CopyTo(span);
        span = span[type.Length..];
        payloadLength.CopyTo(span);
        span = span[payloadLength.Length..];
        payload.CopyTo(span);
        return result;
    }

    /// <summary>An envelope holding <paramref name="payload"/> and one signature by <paramref name="key"/> over its PAE.</summary>
    public static DsseEnvelope Sign(string payloadType, byte[] payload, SigningKey key)
    {
        var signature = key.SignData(PreAuthenticationEncoding(payloadType, payload));
        return new DsseEnvelope(payloadType, payload, [new DsseSignature(key.KeyId, signature)]);
    }

    /// <summary>
    /// True when a signature carrying <paramref name="key"/>'s key id verifies over the envelope's PAE.
    /// The key id is only a hint in DSSE, but a release is signed by exactly one known key, so a changed
    /// key id is an alteration too.
    /// </summary>
    public static bool Verify(DsseEnvelope envelope, ReleasePublicKey key)
    {
        var pae = PreAuthenticationEncoding(envelope.PayloadType, envelope.Payload);
        return envelope.Signatures.Any(s => s.KeyId == key.KeyId && key.VerifyData(pae, s.Sig));
    }
}
