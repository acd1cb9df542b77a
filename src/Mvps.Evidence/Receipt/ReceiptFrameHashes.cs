using System.Numerics;
using System.Security.Cryptography;
using Mvps.Evidence.Verification;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// A receipt's "frameSha256" values for one capture, held as 32-byte digests in chunks of one array each (100,000
/// frames take 3.2 MB; as strings they took about 16 MB), so the verifier compares bytes with no text per frame.
/// A stated value that is not 64 lowercase hex digits can match no frame (the hash of a frame is written in that
/// form), and is kept as text only for the message that quotes it: only the first
/// <see cref="CaptureVerdict.MaxIssuesKept"/> of them, since each is an issue at its own frame and issues are
/// kept in frame order, so a later one is never shown.
/// </summary>
public sealed class ReceiptFrameHashes
{
    private const int ChunkShift = 11; // 2,048 digests, 64 KiB a chunk: below the large object heap's 85,000 bytes
    private const int ChunkLength = 1 << ChunkShift;
    private const int DigestLength = SHA256.HashSizeInBytes;

    private readonly List<byte[]> _chunks = [];
    private readonly List<bool[]> _canonical = [];
    private readonly Dictionary<int, string> _otherText = [];

    /// <summary>Frames listed.</summary>
    public int Count { get; private set; }

    /// <summary>Appends the next frame's stated value, as text of any form.</summary>
    internal void Add(string stated)
    {
        var digest = NextSlot();
        var canonical = TryParse(stated.AsSpan(), digest);
        Append(canonical);
        if (!canonical && _otherText.Count < CaptureVerdict.MaxIssuesKept)
        {
            _otherText.Add(Count - 1, stated);
        }
    }

    /// <summary>Appends the next frame's stated value given as UTF-8 without escapes, if it is 64 lowercase hex digits; false (nothing added) otherwise.</summary>
    internal bool TryAdd(ReadOnlySpan<byte> stated)
    {
        if (!TryParse(stated, NextSlot()))
        {
            return false;
        }

        Append(canonical: true);
        return true;
    }

    private Span<byte> NextSlot()
    {
        var slot = Count & (ChunkLength - 1);
        if (slot == 0 && Count >> ChunkShift == _chunks.Count)
        {
            _chunks.Add(new byte[ChunkLength * DigestLength]);
            _canonical.Add(new bool[ChunkLength]);
        }

        return _chunks[Count >> ChunkShift].AsSpan(slot * DigestLength, DigestLength);
    }

    private void Append(bool canonical)
    {
        _canonical[Count >> ChunkShift][Count & (ChunkLength - 1)] = canonical;
        Count++;
    }

    /// <summary>Whether frame <paramref name="index"/> (below <see cref="Count"/>) is stated with this digest.</summary>
    internal bool Matches(int index, ReadOnlySpan<byte> digest) =>
        _canonical[index >> ChunkShift][index & (ChunkLength - 1)] && digest.SequenceEqual(Digest(index));

    /// <summary>Frame <paramref name="index"/>'s value as the receipt states it, for a message.</summary>
    internal string Stated(int index) =>
        _canonical[index >> ChunkShift][index & (ChunkLength - 1)] ? Mvps.IO.LowerHex.Of(Digest(index))
        : _otherText.TryGetValue(index, out var text) ? text
        : "(a value that is not a lowercase SHA-256)"; // never shown: see the class summary

    private ReadOnlySpan<byte> Digest(int index) =>
        _chunks[index >> ChunkShift].AsSpan((index & (ChunkLength - 1)) * DigestLength, DigestLength);

    /// <summary>64 lowercase hex digits (chars or UTF-8 bytes) into 32 bytes; false for any other text.</summary>
    private static bool TryParse<T>(ReadOnlySpan<T> text, Span<byte> digest)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (text.Length != 2 * DigestLength)
        {
            return false;
        }

        for (var i = 0; i < DigestLength; i++)
        {
            int high = Nibble(int.CreateTruncating(text[2 * i])), low = Nibble(int.CreateTruncating(text[(2 * i) + 1]));
            if ((high | low) < 0)
            {
                return false;
            }

            digest[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int Nibble(int c) => c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : -1;
}
