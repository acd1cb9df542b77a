using System.Security.Cryptography;

namespace Mvps.Release;

/// <summary>
/// The regular files directly in one folder and their SHA-256 digests, each file hashed at most once
/// and streamed, so a verifier that compares against several lists reads every file only once.
/// </summary>
internal sealed class FolderDigests(string folder)
{
    private readonly Dictionary<string, string?> _digests = new(StringComparer.Ordinal);

    public string Folder { get; } = folder;

    /// <summary>The digest as lowercase hex, or null when no regular file of that name is in the folder.</summary>
    public string? DigestOf(string name)
    {
        if (_digests.TryGetValue(name, out string? known))
        {
            return known;
        }

        string? digest = null;
        if (ReleaseFileNames.IsPlainName(name))
        {
            string path = Path.Combine(Folder, name);
            if (File.Exists(path))
            {
                using FileStream stream = File.OpenRead(path);
                digest = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
        }

        _digests[name] = digest;
        return digest;
    }

    /// <summary>Every entry directly in the folder (files and subfolders), sorted by ordinal name.</summary>
    public static IReadOnlyList<(string Name, bool IsDirectory)> List(string folder)
    {
        var entries = new List<(string Name, bool IsDirectory)>();
        foreach (string path in Directory.EnumerateFileSystemEntries(folder))
        {
            entries.Add((Path.GetFileName(path), Directory.Exists(path)));
        }

        entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }
}
