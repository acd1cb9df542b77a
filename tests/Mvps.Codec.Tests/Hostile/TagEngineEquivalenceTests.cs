using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Hostile;

/// <summary>
/// The precomputed-key-state HMAC (native block function) must give exactly the BCL's tags, for any key
/// length (short, one block, longer than a block, empty) and any frame contents.
/// </summary>
public sealed class TagEngineEquivalenceTests
{
    [Property(MaxTest = 300)]
    public bool Fast_and_fallback_tags_agree_with_the_BCL(byte[] key, byte[] payloadSeed)
    {
        var frame = new byte[FieldLengths.Frame];
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = payloadSeed.Length == 0 ? (byte)i : payloadSeed[i % payloadSeed.Length];
        }

        var expected = HMACSHA256.HashData(key, frame.AsSpan(FieldLocations.Bfd, FieldLengths.Authenticated))[..FieldLengths.Tag];
        var fast = new byte[FieldLengths.Tag];
        var fallback = new byte[FieldLengths.Tag];
        using (var authenticator = new FrameAuthenticator(key))
        {
            authenticator.ComputeTag(frame, fast);
        }

        using (var authenticator = new FrameAuthenticator(key, allowNative: false))
        {
            authenticator.ComputeTag(frame, fallback);
        }

        return fast.AsSpan().SequenceEqual(expected) && fallback.AsSpan().SequenceEqual(expected);
    }

    [Property(MaxTest = 100)]
    public bool Batched_tags_agree_with_the_BCL_at_every_position_of_a_partial_or_full_batch(byte[] key, byte[] seed, byte countSeed)
    {
        var count = 1 + (countSeed % FrameAuthenticator.TagBatchSize);
        var source = new byte[(count * 70) + 3];
        for (var i = 0; i < source.Length; i++)
        {
            source[i] = seed.Length == 0 ? (byte)(i * 7) : (byte)(seed[i % seed.Length] + i);
        }

        var offsets = Enumerable.Range(0, count).Select(i => 3 + (i * 70)).ToArray(); // unaligned, not contiguous
        var tags = new byte[count * FieldLengths.Tag];
        var all = true;
        foreach (var native in new[] { true, false })
        {
            using var authenticator = new FrameAuthenticator(key, allowNative: native);
            authenticator.ComputePayloadTags(source, offsets, tags);
            for (var i = 0; i < count; i++)
            {
                var expected = HMACSHA256.HashData(key, source.AsSpan(offsets[i], FieldLengths.Authenticated))[..FieldLengths.Tag];
                all &= tags.AsSpan(i * FieldLengths.Tag, FieldLengths.Tag).SequenceEqual(expected);
            }
        }

        return all;
    }

    [Fact]
    public void Long_keys_are_hashed_first_as_RFC_2104_requires()
    {
        var key = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        var frame = TestFramesForHostile.Valid();
        var tag = new byte[FieldLengths.Tag];
        using var authenticator = new FrameAuthenticator(key);
        authenticator.ComputeTag(frame, tag);
        Assert.Equal(HMACSHA256.HashData(key, frame.AsSpan(FieldLocations.Bfd, FieldLengths.Authenticated))[..FieldLengths.Tag], tag);
    }

    [LibcryptoFact]
    public void With_libcrypto_3_the_precomputed_path_is_used()
    {
        using var authenticator = FrameAuthenticator.ForProofKey();
        Assert.True(authenticator.UsesPrecomputedKeyStates);
    }
}
