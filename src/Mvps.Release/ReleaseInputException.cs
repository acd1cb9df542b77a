namespace Mvps.Release;

/// <summary>
/// Input that cannot be used at all (missing folder, unreadable or wrong key file): callers map it to
/// exit code 2. The message is one line naming the file; it never carries key material.
/// </summary>
public sealed class ReleaseInputException(string message) : Exception(message);
