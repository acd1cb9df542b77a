using System.CommandLine;

namespace Mvps.Tool;

/// <summary>
/// The <c>--key-file</c> and <c>--key-env</c> options, declared once for every command that needs the HMAC key;
/// <see cref="KeySource.Load"/> turns their values into the key. A command whose key has a narrower use says so
/// in its own descriptions.
/// </summary>
internal sealed class KeyOptions(
    string fileDescription = "HMAC key file (default: the seed's public proof key)",
    string environmentDescription = "Environment variable holding the HMAC key")
{
    public Option<string?> File { get; } = new("--key-file") { Description = fileDescription };

    public Option<string?> Environment { get; } = new("--key-env") { Description = environmentDescription };
}
