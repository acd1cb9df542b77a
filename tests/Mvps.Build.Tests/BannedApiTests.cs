using Mvps.Build.Engine;
using ProcessResult = Mvps.Build.Engine.ProcessResult; // the build engine's runner, as the build starts these programs

namespace Mvps.Build.Tests;

/// <summary>
/// The determinism rules are compile errors in product code: a copy of the codec project (with the props,
/// the package versions, src/BannedSymbols.txt and src/Determinism.globalconfig it builds with) builds as it
/// is, and fails once a banned clock read, a transcendental Math call or a culture-sensitive format is added,
/// naming each. Run with `dotnet build` for real; restore comes from the NuGet cache the solution's build filled.
/// </summary>
public sealed class BannedApiTests : IDisposable
{
    static readonly string[] CopiedFiles =
    [
        "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig",
        "src/Directory.Build.props", "src/PACKAGE.md", "src/BannedSymbols.txt", "src/Determinism.globalconfig",
    ];

    readonly TempFolder _tree = new();

    public void Dispose() => _tree.Dispose();

    string Project => Path.Combine(_tree.Path, "src", "Mvps.Codec", "Mvps.Codec.csproj");

    [ToolFact("dotnet")]
    public void The_codec_builds_and_a_banned_call_fails_its_build_naming_the_symbol()
    {
        CopyCodecTree();

        var clean = Build();
        Assert.True(clean.ExitCode == 0, "the unmodified copy must build:\n" + clean.StandardOutput + clean.StandardError);

        File.WriteAllText(Path.Combine(_tree.Path, "src", "Mvps.Codec", "Wire", "BannedCalls.cs"), """
            namespace Mvps.Codec.Wire;

            internal static class BannedCalls
            {
                internal static long Clock() => System.DateTime.UtcNow.Ticks;

                internal static double Power(double x) => System.Math.Pow(x, 3);

                internal static string Culture(double x) => x.ToString();
            }
            """);

        var banned = Build();
        var output = banned.StandardOutput + banned.StandardError;

        Assert.NotEqual(0, banned.ExitCode);
        Assert.Contains(ErrorLines(output), line => line.Contains("error RS0030", StringComparison.Ordinal) && line.Contains("DateTime.UtcNow", StringComparison.Ordinal));
        Assert.Contains(ErrorLines(output), line => line.Contains("error RS0030", StringComparison.Ordinal) && line.Contains("Math.Pow", StringComparison.Ordinal));
        Assert.Contains(ErrorLines(output), line => line.Contains("error CA1305", StringComparison.Ordinal) && line.Contains("BannedCalls.cs", StringComparison.Ordinal));
    }

    static IEnumerable<string> ErrorLines(string output) =>
        output.Split('\n').Where(line => line.Contains("BannedCalls.cs", StringComparison.Ordinal));

    ProcessResult Build() =>
        ProcessTasks.StartProcess("dotnet", ["build", Project, "-c", "Debug", "-nologo", "-clp:NoSummary", "-p:EnableSourceControlManagerQueries=false"],
            _tree.Path, throwOnFailure: false, logOutput: false);

    void CopyCodecTree()
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

    void CopyFile(string relative)
    {
        var target = Path.Combine(_tree.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(RepositoryRoot.Path, relative), target);
    }
}
