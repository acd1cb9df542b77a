namespace Mvps.Build.Engine;

/// <summary>A target failed for a reason its message fully explains (no stack trace is printed).</summary>
public sealed class BuildException(string message) : Exception(message);
