namespace Mvps.Release;

/// <summary>What a SHA256SUMS file lists, and the lines that could not be read.</summary>
internal sealed record ChecksumList(string SourceName, IReadOnlyList<ChecksumEntry> Entries, IReadOnlyList<ReleaseProblem> Problems);
