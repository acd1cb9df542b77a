namespace Mvps.Build.Engine;

/// <summary>One line a process wrote, and whether it went to standard error.</summary>
public sealed record ProcessOutputLine(string Text, bool IsError);
