using System.Text;
using Mvps.IO;
using Mvps.Codec.Wire;

namespace Mvps.Tool;

/// <summary>
/// Where the HMAC key comes from: a file, an environment variable, or the seed's public proof key.
/// A key file's bytes are the key, less one trailing newline (LF or CRLF) as editors and `echo` add.
/// Key material is never printed.
/// </summary>
internal static class KeySource
{
    /// <summary>Largest key file read: a key of over 1 MiB is surely the wrong file.</summary>
    public const int MaxKeyFileBytes = 1 << 20;

    public static byte[] Load(string? keyFile, string? keyEnvironmentVariable)
    {
        if (keyFile is not null && keyEnvironmentVariable is not null)
        {
            throw new UsageException("give either --key-file or --key-env, not both");
        }

        if (keyFile is not null)
        {
            var name = DisplayName.Of(keyFile);
            if (Directory.Exists(keyFile))
            {
                throw new UsageException($"{name}: is a directory, not a key file");
            }

            if (FileKind.Of(keyFile) == FileKindValue.Missing)
            {
                throw new UsageException($"{name}: key file not found");
            }

            byte[] bytes;
            try
            {
                // Bounded whatever the file reports: /dev/zero reports length 0 and never ends.
                bytes = BoundedFile.ReadAll(keyFile, MaxKeyFileBytes, "key");
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }

            var length = bytes.Length;
            if (length > 0 && bytes[length - 1] == '\n')
            {
                length--;
                if (length > 0 && bytes[length - 1] == '\r')
                {
                    length--;
                }
            }

            return length == 0 ? throw new UsageException($"{name}: key file is empty") : bytes[..length];
        }

        if (keyEnvironmentVariable is not null)
        {
            var value = Environment.GetEnvironmentVariable(keyEnvironmentVariable);
            return string.IsNullOrEmpty(value)
                ? throw new UsageException($"environment variable {keyEnvironmentVariable} is not set or empty")
                : Encoding.UTF8.GetBytes(value);
        }

        return Encoding.ASCII.GetBytes(WireConstants.ProofKeyText);
    }

    public static bool IsProofKey(ReadOnlySpan<byte> key) => key.SequenceEqual(Encoding.ASCII.GetBytes(WireConstants.ProofKeyText));
}
