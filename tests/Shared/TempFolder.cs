namespace Mvps.Tests.Shared;

/// <summary>A fresh temporary folder, deleted with everything in it when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mvps-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Sub(string name) => Directory.CreateDirectory(File(name)).FullName;

    public string Copy(string source, string? name = null)
    {
        string target = File(name ?? System.IO.Path.GetFileName(source));
        System.IO.File.Copy(source, target, overwrite: true);
        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
