namespace Mvps.Tool.Tests;

/// <summary>A temporary folder removed when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mvps-tool-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Copy(string source, string? name = null)
    {
        string target = File(name ?? System.IO.Path.GetFileName(source));
        System.IO.File.Copy(source, target, overwrite: true);
        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
