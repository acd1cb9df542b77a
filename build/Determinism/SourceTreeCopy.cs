using Mvps.Build.Engine;

namespace Mvps.Build.Determinism;

/// <summary>
/// Copies the working tree (tracked and untracked files that git does not ignore) into another folder.
/// Builds that must not touch the repository's own obj/ folders and lock files (a RID-specific publish,
/// a second compile from another path) run there. Files whose bytes are already equal are left alone so
/// that incremental builds in the copy stay incremental.
/// </summary>
internal static class SourceTreeCopy
{
    /// <summary>Folders never copied, even when git does not ignore them (build output, other copies).</summary>
    private static readonly string[] ExcludedTopFolders = ["artifacts", ".nuke", ".git"];

    /// <summary>Makes <paramref name="destination"/> hold exactly the working tree's files (bin/ and obj/ below it are kept).</summary>
    public static int Sync(AbsolutePath root, AbsolutePath destination)
    {
        var files = WorkingTreeFiles(root);
        Directory.CreateDirectory(destination);
        var wanted = new HashSet<string>(files, StringComparer.Ordinal);
        foreach (var relative in files)
        {
            var source = Path.Combine(root, relative);
            var target = Path.Combine(destination, relative);
            if (File.Exists(target) && FilesEqual(source, target))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }

        // Files deleted from the working tree must not linger in the copy (they would still compile).
        foreach (var path in Directory.GetFiles(destination, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(destination, path).Replace('\\', '/');
            if (!wanted.Contains(relative) && !IsBuildOutput(relative) && !relative.StartsWith(".git/", StringComparison.Ordinal))
            {
                File.Delete(path);
            }
        }

        return files.Count;
    }

    /// <summary>The working tree's files, relative and '/'-separated, in ordinal order: git's view when there is a repository.</summary>
    public static IReadOnlyList<string> WorkingTreeFiles(AbsolutePath root)
    {
        IEnumerable<string> files;
        if (Directory.Exists(root / ".git") || File.Exists(root / ".git"))
        {
            var result = ProcessTasks.StartProcess("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], root, logOutput: false);
            files = result.StandardOutput.Split('\0', '\n').Where(line => line.Length > 0);
        }
        else
        {
            files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
                .Where(relative => !IsBuildOutput(relative));
        }

        return files
            .Where(relative => !ExcludedTopFolders.Any(folder => relative.StartsWith(folder + "/", StringComparison.Ordinal)))
            .Where(relative => File.Exists(root / relative)) // tracked but deleted in the working tree
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split('/').Any(part => part is "bin" or "obj" or "TestResults")
        || ExcludedTopFolders.Any(folder => relative.StartsWith(folder + "/", StringComparison.Ordinal));

    private static bool FilesEqual(string a, string b) =>
        new FileInfo(a).Length == new FileInfo(b).Length && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
}
