using Mvps.Build.Engine;
using ProcessResult = Mvps.Build.Engine.ProcessResult; // the build engine's runner, as the build starts these programs

namespace Mvps.Build.Tests;

/// <summary>
/// build.sh rebuilds the build program only when the content hash of the tree it is made from changed:
/// unchanged, the assembly is left as it is; a program another build wrote is not trusted; one edited line
/// is built and seen; a failed build leaves no stamp, so the next start builds again. Run for real, on a git copy of this repository's tree.
/// </summary>
public sealed class BootstrapReuseTests : IDisposable
{
    private const string Description = "Deletes the contents of artifacts/.";

    private readonly TempFolder _copy = new();

    private AbsolutePath Root => AbsolutePath.Create(_copy.Path);

    private string Assembly => _copy.File("build/bin/Debug/net10.0/_build.dll");

    private string Stamp => _copy.File(".nuke/temp/bootstrap.inputs");

    public void Dispose() => _copy.Dispose();

    private ProcessResult Git(params string[] arguments) =>
        ProcessTasks.StartProcess("git", ["-c", "user.name=t", "-c", "user.email=t@t.invalid", .. arguments], _copy.Path, logOutput: false);

    private ProcessResult BuildScript(params string[] arguments) =>
        ProcessTasks.StartProcess("bash", [_copy.File("build.sh"), .. arguments], _copy.Path, throwOnFailure: false, logOutput: false);

    [ToolFact("git", "bash")]
    public void The_build_program_is_rebuilt_exactly_when_its_sources_change()
    {
        SourceTreeCopy.Sync(AbsolutePath.Create(RepositoryRoot.Path), Root);
        Git("init", "--quiet");
        Git("add", "-A");
        Git("commit", "--quiet", "-m", "copy");

        var first = BuildScript("--help");
        Assert.True(first.ExitCode == 0, first.StandardOutput + first.StandardError);
        Assert.Contains(Description, first.StandardOutput);
        Assert.True(File.Exists(Stamp), "a successful build records its inputs");
        var built = File.GetLastWriteTimeUtc(Assembly);
        var stamp = File.ReadAllText(Stamp);

        // Unchanged: the assembly is not touched (no MSBuild run at all) and the program still answers.
        File.SetLastWriteTimeUtc(Assembly, built.AddMinutes(-5));
        var second = BuildScript("--help");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first.StandardOutput, second.StandardOutput);
        Assert.Equal(built.AddMinutes(-5), File.GetLastWriteTimeUtc(Assembly));

        // Another build writes the program folder (a bare `dotnet build` of the solution or `dotnet test` does) from
        // an edited source that is then reverted: the sources hash as before, but the program is not the one the
        // stamp saw, so it is rebuilt rather than run.
        var buildFile = _copy.File("build/Build.cs");
        var original = File.ReadAllText(buildFile);
        File.WriteAllText(buildFile, original.Replace(Description, "Built elsewhere.", StringComparison.Ordinal));
        ProcessTasks.StartProcess("dotnet", ["build", _copy.File("build/_build.csproj"), "-c", "Debug", "-nologo"], _copy.Path, logOutput: false);
        File.WriteAllText(buildFile, original);
        var afterOtherBuild = BuildScript("--help");
        Assert.Equal(0, afterOtherBuild.ExitCode);
        Assert.Contains(Description, afterOtherBuild.StandardOutput);
        Assert.DoesNotContain("Built elsewhere.", afterOtherBuild.StandardOutput);
        Assert.Equal(stamp, File.ReadAllText(Stamp));

        // One edited line (uncommitted, as before a push) is built, and the new program is what runs.
        File.WriteAllText(buildFile, File.ReadAllText(buildFile).Replace(Description, "Empties artifacts/ (edited).", StringComparison.Ordinal));
        var third = BuildScript("--help");
        Assert.Equal(0, third.ExitCode);
        Assert.Contains("Empties artifacts/ (edited).", third.StandardOutput);
        Assert.DoesNotContain(Description, third.StandardOutput);
        Assert.NotEqual(stamp, File.ReadAllText(Stamp));

        // A build that fails records nothing: the old assembly is never taken for the broken source.
        File.AppendAllText(buildFile, "this does not compile\n");
        var broken = BuildScript("--help");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("Building build/_build.csproj failed.", broken.StandardError);
        Assert.False(File.Exists(Stamp));
        Assert.Equal(1, BuildScript("--help").ExitCode);
    }
}
