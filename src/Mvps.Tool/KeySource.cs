using System.Text;
using Mvps.Codec.Wire;

namespace Mvps.Tool;

/// <summary>
/// Where the HMAC key comes from: a file, an environment variable, or the seed's public proof key.
/// A key file's bytes are the key, less one trailing newline (LF or CRLF) as editors and `echo` add.
/// Key material is never printed.
/// </summary>
public static class KeySource
{
    public static byte[] Load(string? keyFile, string? keyEnvironmentVariable)
    {
        if (keyFile is not null && keyEnvironmentVariable is not null)
        {
            throw new UsageException("give either --key-file or --key-env, not both");
        }

        if (keyFile is not null)
        {
            if (Directory.Exists(keyFile))
            {
                throw new UsageException($"{keyFile}: is a directory, not a key file");
            }

            if (!File.Exists(keyFile))
            {
                throw new UsageException($"{keyFile}: key file not found");
            }

            var info = new FileInfo(keyFile);
            if (info.Length > 1 << 20)
            {
                throw new UsageException($"{keyFile}: key file is {info.Length} bytes; a key of over 1 MiB is surely the wrong file");
            }

            byte[] bytes = File.ReadAllBytes(keyFile);
            int length = bytes.Length;
            if (length > 0 && bytes[length - 1] == '\n')
            {
                length--;
                if (length > 0 && bytes[length - 1] == '\r')
                {
                    length--;
                }
            }

            return length == 0 ? throw new UsageException($"{keyFile}: key file is empty") : bytes[..length];
        }

        if (keyEnvironmentVariable is not null)
        {
            string? value = Environment.GetEnvironmentVariable(keyEnvironmentVariable);
            return string.IsNullOrEmpty(value)
                ? throw new UsageException($"environment variable {keyEnvironmentVariable} is not set or empty")
                : Encoding.UTF8.GetBytes(value);
        }

        return Encoding.ASCII.GetBytes(WireConstants.ProofKeyText);
    }

    public static bool IsProofKey(ReadOnlySpan<byte> key) => key.SequenceEqual(Encoding.ASCII.GetBytes(WireConstants.ProofKeyText));
}
