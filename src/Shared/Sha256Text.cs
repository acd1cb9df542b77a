using System.Security.Cryptography;

namespace Mvps.IO;

/// <summary>A SHA-256 digest as 64 lowercase hex digits (<see cref="LowerHex"/>): the form of every hash we print or write.</summary>
internal static class Sha256Text
{
    public static string Of(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        return LowerHex.Of(hash);
    }

    /// <summary>The digest of a whole file, streamed.</summary>
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return LowerHex.Of(SHA256.HashData(stream));
    }
}
