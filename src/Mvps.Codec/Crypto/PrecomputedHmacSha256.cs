using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Mvps.Codec.Crypto;

/// <summary>
/// HMAC-SHA256 (RFC 2104) for short messages with the key's inner and outer states computed once: a tag of
/// a 56-byte message is then three compression calls (message block, constant length block, outer block)
/// instead of five plus re-keying. Holds mutable scratch state: one instance per thread.
/// </summary>
internal sealed class PrecomputedHmacSha256 : IDisposable
{
    /// <summary>Longest message handled: it and its padding must fit in two blocks after the key block.</summary>
    public const int MaxMessageLength = 2 * NativeSha256Block.BlockLength - 9;

    private const byte InnerPad = 0x36;
    private const byte OuterPad = 0x5C;
    private const int DigestLength = 32;

    private static readonly Lazy<bool> NativeWorks = new(SelfTest);

    private readonly uint[] _inner = new uint[NativeSha256Block.ContextWords];
    private readonly uint[] _outer = new uint[NativeSha256Block.ContextWords];
    private readonly uint[] _work = new uint[NativeSha256Block.ContextWords];

    // Two message blocks and the outer block, padding bytes pre-set where the length allows.
    private readonly byte[] _blocks = new byte[3 * NativeSha256Block.BlockLength];

    private PrecomputedHmacSha256(ReadOnlySpan<byte> key)
    {
        Span<byte> block = stackalloc byte[NativeSha256Block.BlockLength];
        Span<byte> hashedKey = stackalloc byte[DigestLength];
        scoped ReadOnlySpan<byte> blockKey = key;
        if (key.Length > NativeSha256Block.BlockLength)
        {
            // RFC 2104: a key longer than the block is replaced by its hash.
            SHA256.HashData(key, hashedKey);
            blockKey = hashedKey;
        }

        PadKey(blockKey, InnerPad, block);
        NativeSha256Block.Init(ref _inner[0]);
        NativeSha256Block.Transform(ref _inner[0], ref block[0]);
        PadKey(blockKey, OuterPad, block);
        NativeSha256Block.Init(ref _outer[0]);
        NativeSha256Block.Transform(ref _outer[0], ref block[0]);
        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(hashedKey);

        // Outer message is the 32-byte inner digest: padding and bit length (key block + digest) are fixed.
        var outerBlock = _blocks.AsSpan(2 * NativeSha256Block.BlockLength, NativeSha256Block.BlockLength);
        outerBlock[DigestLength] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(outerBlock[^sizeof(ulong)..], (NativeSha256Block.BlockLength + DigestLength) * 8UL);
    }

    /// <summary>The fast path, or null when the platform's libcrypto is missing or fails the known-answer test.</summary>
    public static PrecomputedHmacSha256? TryCreate(ReadOnlySpan<byte> key) => NativeWorks.Value ? new PrecomputedHmacSha256(key) : null;

    /// <summary>Writes the first <c>destination.Length</c> (at most 32) bytes of HMAC-SHA256(key, message).</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        if (message.Length > MaxMessageLength)
        {
            throw new ArgumentOutOfRangeException(nameof(message), message.Length, $"at most {MaxMessageLength} bytes");
        }

        if (destination.Length > DigestLength)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, $"at most {DigestLength} bytes");
        }

        // Inner hash: key block already absorbed; the message and its padding take one or two blocks.
        var messageBlocks = _blocks.AsSpan(0, 2 * NativeSha256Block.BlockLength);
        int blockCount = message.Length + 9 <= NativeSha256Block.BlockLength ? 1 : 2;
        var used = messageBlocks[..(blockCount * NativeSha256Block.BlockLength)];
        message.CopyTo(used);
        used[message.Length] = 0x80;
        used[(message.Length + 1)..^sizeof(ulong)].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(used[^sizeof(ulong)..], (ulong)(NativeSha256Block.BlockLength + message.Length) * 8);

        var work = _work.AsSpan();
        _inner.AsSpan(0, NativeSha256Block.StateWords).CopyTo(work);
        NativeSha256Block.Transform(ref work[0], ref used[0]);
        if (blockCount == 2)
        {
            NativeSha256Block.Transform(ref work[0], ref used[NativeSha256Block.BlockLength]);
        }

        // Outer hash over the inner digest.
        var outerBlock = _blocks.AsSpan(2 * NativeSha256Block.BlockLength, NativeSha256Block.BlockLength);
        WriteDigest(work, outerBlock);
        _outer.AsSpan(0, NativeSha256Block.StateWords).CopyTo(work);
        NativeSha256Block.Transform(ref work[0], ref outerBlock[0]);

        Span<byte> digest = stackalloc byte[DigestLength];
        WriteDigest(work, digest);
        digest[..destination.Length].CopyTo(destination);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_inner.AsSpan()));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_outer.AsSpan()));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_work.AsSpan()));
        CryptographicOperations.ZeroMemory(_blocks);
    }

    private static void PadKey(ReadOnlySpan<byte> key, byte pad, Span<byte> block)
    {
        block.Fill(pad);
        for (int i = 0; i < key.Length; i++)
        {
            block[i] ^= key[i];
        }
    }

    private static void WriteDigest(ReadOnlySpan<uint> state, Span<byte> destination)
    {
        for (int i = 0; i < NativeSha256Block.StateWords; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(i * sizeof(uint))..], state[i]);
        }
    }

    /// <summary>
    /// Compares with the BCL's HMAC for every message length handled and a short, a block-size and a long
    /// key; any difference or a missing library disables the native path for the process.
    /// </summary>
    private static bool SelfTest()
    {
        try
        {
            Span<byte> message = stackalloc byte[MaxMessageLength];
            for (int i = 0; i < message.Length; i++)
            {
                message[i] = (byte)(i * 29 + 7);
            }

            Span<byte> expected = stackalloc byte[DigestLength];
            Span<byte> actual = stackalloc byte[DigestLength];
            foreach (int keyLength in (ReadOnlySpan<int>)[37, NativeSha256Block.BlockLength, 100])
            {
                var key = message[..Math.Min(keyLength, message.Length)].ToArray();
                using var hmac = new PrecomputedHmacSha256(key);
                for (int length = 0; length <= MaxMessageLength; length++)
                {
                    HMACSHA256.HashData(key, message[..length], expected);
                    hmac.Compute(message[..length], actual);
                    if (!expected.SequenceEqual(actual))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }
}
