namespace Mvps.Build.Engine;

/// <summary>The build cannot start: bad command line, parameter, graph or requirement. Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
