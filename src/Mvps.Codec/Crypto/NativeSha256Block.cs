using System.Runtime.InteropServices;

namespace Mvps.Codec.Crypto;

/// <summary>
/// The SHA-256 compression function of the platform's OpenSSL (libcrypto 3), the library the .NET runtime
/// itself uses for cryptography on Linux. The BCL exposes no way to keep a keyed HMAC state without a
/// per-message native round trip through OpenSSL 3's provider machinery (about 3 µs per 56-byte tag here);
/// one block call costs about 50 ns with SHA-NI. Used only after <see cref="PrecomputedHmacSha256"/>'s
/// known-answer test has passed; anywhere else (no libcrypto 3, other OS) the BCL path is used.
/// </summary>
internal static class NativeSha256Block
{
    private const string Library = "libcrypto.so.3";

    /// <summary>Size of OpenSSL's SHA256_CTX in 32-bit words (h[8], Nl, Nh, data[16], num, md_len).</summary>
    public const int ContextWords = 28;

    /// <summary>Number of 32-bit words of the chaining value at the start of SHA256_CTX.</summary>
    public const int StateWords = 8;

    public const int BlockLength = 64;

    /// <summary>Sets the chaining value to the SHA-256 initial hash value.</summary>
    [DllImport(Library, EntryPoint = "SHA256_Init", ExactSpelling = true)]
    [SuppressGCTransition]
    public static extern int Init(ref uint context);

    /// <summary>Compresses one 64-byte block into the chaining value (no padding, no length bookkeeping).</summary>
    [DllImport(Library, EntryPoint = "SHA256_Transform", ExactSpelling = true)]
    [SuppressGCTransition]
    public static extern void Transform(ref uint context, ref byte block);
}
