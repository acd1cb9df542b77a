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

        for (var i = 0; i < BatchSize; i++)
        {
            _batchInner[(i * NativeSha256Block.BlockLength) + BatchMessageLength] = 0x80;
            outerBlock.CopyTo(_batchOuter.AsSpan(i * NativeSha256Block.BlockLength));
        }

        BinaryPrimitives.WriteUInt64BigEndian(_lengthBlock.AsSpan(NativeSha256Block.BlockLength - sizeof(ulong)), (NativeSha256Block.BlockLength + BatchMessageLength) * 8UL);
    }

    /// <summary>
    /// Tags (the first <paramref name="tagLength"/> bytes of HMAC-SHA256) of up to <see cref="BatchSize"/> 56-byte
    /// messages at <paramref name="offsets"/> in <paramref name="source"/>, written one after another to
    /// <paramref name="tags"/>. The blocks are prepared first and compressed in separate passes, so a compression
    /// never loads bytes or chaining words stored just before it: storing right before the native SHA-NI loads
    /// stalls on store forwarding (20–55 ns per call measured), which one message at a time cannot avoid.
    /// </summary>
    public void ComputeBatch(ReadOnlySpan<byte> source, ReadOnlySpan<int> offsets, int tagLength, Span<byte> tags)
    {
        var count = offsets.Length;
        if (count > BatchSize || tagLength > DigestLength || tags.Length < count * tagLength)
        {
            throw new ArgumentOutOfRangeException(nameof(offsets), count, $"at most {BatchSize} messages, tags of at most {DigestLength} bytes");
        }

        const int block = NativeSha256Block.BlockLength;
        const int context = NativeSha256Block.ContextWords;
        var inner = _batchInner.AsSpan();
        var outer = _batchOuter.AsSpan();
        var states = _batchStates.AsSpan();
        var innerKey = _inner.AsSpan(0, NativeSha256Block.StateWords);
        var outerKey = _outer.AsSpan(0, NativeSha256Block.StateWords);

        for (var i = 0; i < count; i++)
        {
            source.Slice(offsets[i], BatchMessageLength).CopyTo(inner[(i * block)..]);
            innerKey.CopyTo(states[(i * context)..]);
        }

        for (var i = 0; i < count; i++)
        {
            NativeSha256Block.Transform(ref states[i * context], ref inner[i * block]);
        }

        for (var i = 0; i < count; i++)
        {
            NativeSha256Block.Transform(ref states[i * context], ref _lengthBlock[0]);
        }

        for (var i = 0; i < count; i++)
        {
            WriteDigest(states.Slice(i * context, NativeSha256Block.StateWords), outer.Slice(i * block, DigestLength));
            outerKey.CopyTo(states[(i * context)..]);
        }

        for (var i = 0; i < count; i++)
        {
            NativeSha256Block.Transform(ref states[i * context], ref outer[i * block]);
        }

        Span<byte> digest = stackalloc byte[DigestLength];
        for (var i = 0; i < count; i++)
        {
            WriteDigest(states.Slice(i * context, NativeSha256Block.StateWords), digest);
            digest[..tagLength].CopyTo(tags[(i * tagLength)..]);
        }
    }

    /// <summary>Messages per pass of <see cref="ComputeBatch"/>: enough that a block written in one pass is long out of the store buffer when the next pass reads it.</summary>
    public const int BatchSize = 64;

    /// <summary>The one message length <see cref="ComputeBatch"/> takes: the MVPS tag's 56 bytes (two inner blocks, the second constant).</summary>
    public const int BatchMessageLength = 56;

    // Batch scratch: each message's first inner block and its outer block (padding pre-set), and one state per message.
    private readonly byte[] _batchInner = new byte[BatchSize * NativeSha256Block.BlockLength];
    private readonly byte[] _batchOuter = new byte[BatchSize * NativeSha256Block.BlockLength];
    private readonly uint[] _batchStates = new uint[BatchSize * NativeSha256Block.ContextWords];

    // The second inner block of a 56-byte message: no message bytes, only the bit length.
    private readonly byte[] _lengthBlock = new byte[NativeSha256Block.BlockLength];

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
        var blockCount = message.Length + 9 <= NativeSha256Block.BlockLength ? 1 : 2;
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
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_batchStates.AsSpan()));
        CryptographicOperations.ZeroMemory(_batchInner);
        CryptographicOperations.ZeroMemory(_batchOuter);
    }

    private static void PadKey(ReadOnlySpan<byte> key, byte pad, Span<byte> block)
    {
        block.Fill(pad);
        for (var i = 0; i < key.Length; i++)
        {
            block[i] ^= key[i];
        }
    }

    private static void WriteDigest(ReadOnlySpan<uint> state, Span<byte> destination)
    {
        for (var i = 0; i < NativeSha256Block.StateWords; i++)
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
            for (var i = 0; i < message.Length; i++)
            {
                message[i] = (byte)(i * 29 + 7);
            }

            Span<byte> expected = stackalloc byte[DigestLength];
            Span<byte> actual = stackalloc byte[DigestLength];
            foreach (var keyLength in (ReadOnlySpan<int>)[37, NativeSha256Block.BlockLength, 100])
            {
                var key = message[..Math.Min(keyLength, message.Length)].ToArray();
                using var hmac = new PrecomputedHmacSha256(key);
                for (var length = 0; length <= MaxMessageLength; length++)
                {
                    HMACSHA256.HashData(key, message[..length], expected);
                    hmac.Compute(message[..length], actual);
                    if (!expected.SequenceEqual(actual))
                    {
                        return false;
                    }
                }
            }

            // The batched path on the MVPS message length, against the BCL, for every batch position.
            var batchKey = message[..37].ToArray();
            using var batched = new PrecomputedHmacSha256(batchKey);
            var source = new byte[BatchSize + BatchMessageLength];
            for (var i = 0; i < source.Length; i++)
            {
                source[i] = (byte)(i * 31 + 3);
            }

            var offsets = new int[BatchSize];
            for (var i = 0; i < BatchSize; i++)
            {
                offsets[i] = i;
            }

            var tags = new byte[BatchSize * DigestLength];
            batched.ComputeBatch(source, offsets, DigestLength, tags);
            for (var i = 0; i < BatchSize; i++)
            {
                HMACSHA256.HashData(batchKey, source.AsSpan(i, BatchMessageLength), expected);
                if (!expected.SequenceEqual(tags.AsSpan(i * DigestLength, DigestLength)))
                {
                    return false;
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
