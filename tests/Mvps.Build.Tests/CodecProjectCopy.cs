using ProcessResult = Mvps.Build.Engine.ProcessResult; // the build engine's runner, as the build starts dotnet
using Mvps.Build.Engine;

namespace Mvps.Build.Tests;

/// <summary>
/// A copy of the codec project in a temporary folder with every file it builds with (the props, the package
/// versions, the analyzer settings and lists of src/), so a test can add a file and see what `dotnet build`
/// says. Restore comes from the NuGet cache the solution's build filled.
/// </summary>
internal sealed class CodecProjectCopy : IDisposable
{
    private static readonly string[] CopiedFiles =
    [
        "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig",
        "src/Directory.Build.props", "src/PACKAGE.md", "src/BannedSymbols.txt", "src/Determinism.globalconfig",
        "src/PublicApi.globalconfig",
    ];

    private readonly TempFolder _tree = new();

    public CodecProjectCopy()
    {
        foreach (var file in CopiedFiles)
        {
            CopyFile(file);
        }

        foreach (var folder in new[] { "src/Shared", "src/Mvps.Codec" })
        {
            var source = Path.Combine(RepositoryRoot.Path, folder);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepositoryRoot.Path, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (!parts.Contains("bin") && !parts.Contains("obj"))
                {
                    CopyFile(relative);
                }
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> under the copied src/Mvps.Codec.</summary>
    public void AddSource(string relativePath, string text) =>
        File.WriteAllText(Path.Combine(_tree.Path, "src", "Mvps.Codec", relativePath), text);

    public ProcessResult Build() =>
        ProcessTasks.StartProcess("dotnet", ["build", Path.Combine(_tree.Path, "src", "Mvps.Codec", "Mvps.Codec.csproj"), "-c", "Debug", "-nologo", "-clp:NoSummary", "-p:EnableSourceControlManagerQueries=false"],
            _tree.Path, throwOnFailure: false, logOutput: false);

    /// <summary>The text of <paramref name="relativePath"/> under the copied src/Mvps.Codec.</summary>
    public string ReadSource(string relativePath) =>
        File.ReadAllText(Path.Combine(_tree.Path, "src", "Mvps.Codec", relativePath));

    /// <summary>Runs a command line (words separated by single spaces, as a document writes it) in the copy's root.</summary>
    public ProcessResult RunFromRoot(string commandLine)
    {
        var words = commandLine.Split(' ');
        return ProcessTasks.StartProcess(words[0], words[1..], _tree.Path, throwOnFailure: false, logOutput: false);
    }

    public void Dispose() => _tree.Dispose();

    private void CopyFile(string relative)
    {
        var target = Path.Combine(_tree.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(RepositoryRoot.Path, relative), target);
    }
}
