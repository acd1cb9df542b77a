namespace Mvps.Tool;

/// <summary>Checks that a named input is a readable, non-empty regular file before any reader touches it.</summary>
public static class InputFiles
{
    public static void RequireCapture(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{path}: is a directory, not a capture file");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: no such file");
        }

        if (new FileInfo(path).Length == 0)
        {
            throw new UsageException($"{path}: empty file, not a capture");
        }
    }
}
