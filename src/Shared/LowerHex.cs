namespace Mvps.IO;

/// <summary>
/// Bytes as lowercase hexadecimal, two digits per byte, no separator: the form of every hash, tag and key id
/// we print or write. One owner instead of <c>Convert.ToHexStringLower</c>, which .NET 8 lacks: the shipped
/// assemblies also build for net8.0 (the net8 evidence run, docs/build.md) and must write the same text there.
/// </summary>
internal static class LowerHex
{
    private const string Digits = "0123456789abcdef";

    /// <summary>Longest input formatted on the stack (a SHA-256 or HMAC tag is 32 bytes); longer ones use the heap.</summary>
    private const int StackLimit = 128;

    public static string Of(ReadOnlySpan<byte> bytes)
    {
        var text = bytes.Length <= StackLimit ? stackalloc char[bytes.Length * 2] : new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            text[2 * i] = Digits[bytes[i] >> 4];
            text[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }

        return new string(text);
    }
}
