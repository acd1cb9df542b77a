namespace Mvps.Tool;

/// <summary>Unusable input or a usage error: printed as one line on stderr, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
