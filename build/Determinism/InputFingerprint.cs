using Mvps.IO;
using System.Security.Cryptography;
using System.Text;
using Mvps.Build.Engine;

namespace Mvps.Build.Determinism;

/// <summary>
/// A content hash of everything that goes into an expensive step (a RID publish, the Reproduce trees): every
/// working-tree file git does not ignore, by path and bytes (so sources, lock files, props and global.json),
/// plus the step's parameters (arguments, SDK version, commit). A step's output is reused only when the
/// fingerprint recorded beside it equals the current one; any edit, added or deleted file changes it.
/// </summary>
internal static class InputFingerprint
{
    /// <summary>SHA-256 (hex) over the parameters, then every working-tree file's path and content.</summary>
    public static string Of(AbsolutePath root, IEnumerable<string> parameters) => Combine(TreeDigest(root), parameters);

    /// <summary>
    /// SHA-256 (hex) over every working-tree file's path and content: computed once per build (the tree does not
    /// change while it runs) and combined with each step's parameters.
    /// </summary>
    public static string TreeDigest(AbsolutePath root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var relative in SourceTreeCopy.WorkingTreeFiles(root))
        {
            AppendField(hash, "path", Encoding.UTF8.GetBytes(relative));
            AppendField(hash, "content", File.ReadAllBytes(root / relative));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 (hex) over every file below <paramref name="folder"/> (a build output, which git ignores), by relative path and content, in ordinal path order.</summary>
    public static string FolderDigest(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var relative in Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                     .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            AppendField(hash, "path", Encoding.UTF8.GetBytes(relative));
            AppendField(hash, "content", File.ReadAllBytes(Path.Combine(folder, relative)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The fingerprint of a step: its parameters and the tree digest.</summary>
    public static string Combine(string treeDigest, IEnumerable<string> parameters)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var parameter in parameters)
        {
            AppendField(hash, "parameter", Encoding.UTF8.GetBytes(parameter));
        }

        AppendField(hash, "tree", Encoding.UTF8.GetBytes(treeDigest));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>True when <paramref name="stampFile"/> records exactly <paramref name="fingerprint"/>.</summary>
    public static bool IsCurrent(AbsolutePath stampFile, string fingerprint) =>
        File.Exists(stampFile) && string.Equals(File.ReadAllText(stampFile).Trim(), fingerprint, StringComparison.Ordinal);

    /// <summary>Records the fingerprint of a finished step; written only after the step succeeded.</summary>
    public static void Record(AbsolutePath stampFile, string fingerprint) => AtomicFile.WriteAllText(stampFile, fingerprint + "\n");

    /// <summary>Drops a stamp before its step is redone, so a step that fails half-way is never taken as current.</summary>
    public static void Forget(AbsolutePath stampFile)
    {
        if (File.Exists(stampFile))
        {
            File.Delete(stampFile);
        }
    }

    // Length-prefixed fields: "ab"+"c" and "a"+"bc" hash differently.
    private static void AppendField(IncrementalHash hash, string kind, byte[] bytes)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(kind + " " + bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
        hash.AppendData(bytes);
    }
}
