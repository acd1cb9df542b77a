using System.Security.Cryptography;
using Mvps.IO;

namespace Mvps.Release;

/// <summary>
/// The regular files directly in one folder and their SHA-256 digests, each file hashed at most once
/// and streamed, so a verifier that compares against several lists reads every file only once.
/// A release is a flat folder of regular files: a symlink, FIFO, device or socket in it is never followed
/// or opened (a link to /dev/zero would never end, a FIFO would block) and has no digest.
/// </summary>
internal sealed class FolderDigests(string folder)
{
    private readonly Dictionary<string, string?> _digests = new(StringComparer.Ordinal);

    public string Folder { get; } = folder;

    /// <summary>The digest as lowercase hex, or null when no regular file of that name is in the folder.</summary>
    public string? DigestOf(string name)
    {
        if (_digests.TryGetValue(name, out var known))
        {
            return known;
        }

        string? digest = null;
        if (ReleaseFileNames.IsPlainName(name))
        {
            var path = Path.Combine(Folder, name);
            if (FileKind.Of(path, followLinks: false) == FileKindValue.Regular)
            {
                using var stream = File.OpenRead(path);
                digest = LowerHex.Of(SHA256.HashData(stream));
            }
        }

        _digests[name] = digest;
        return digest;
    }

    /// <summary>True when the folder has an entry of that name of any kind (a link, even a dangling one, included).</summary>
    public bool IsPresent(string name) =>
        ReleaseFileNames.IsPlainName(name) && FileKind.Of(Path.Combine(Folder, name), followLinks: false) != FileKindValue.Missing;

    /// <summary>Every entry directly in the folder and its kind (links not followed), sorted by ordinal name.</summary>
    public static IReadOnlyList<(string Name, FileKindValue Kind)> List(string folder)
    {
        var entries = new List<(string Name, FileKindValue Kind)>();
        foreach (var path in Directory.EnumerateFileSystemEntries(folder))
        {
            entries.Add((Path.GetFileName(path), FileKind.Of(path, followLinks: false)));
        }

        entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }
}
