namespace Mvps.Build.Determinism;

/// <summary>Copies a folder's files, with their subfolders, over whatever the destination holds.</summary>
internal static class FolderCopy
{
    public static void CopyAll(string source, string destination)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
