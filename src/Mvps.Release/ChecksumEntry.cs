namespace Mvps.Release;

/// <summary>A released file's name and its SHA-256 digest as 64 lowercase hex digits.</summary>
public sealed record ChecksumEntry(string Name, string Sha256);
