namespace Mvps.Tool.Tests;

/// <summary>
/// README's "Install the tool" lines, run as written with `--tool-path` in place of `--global`, for a
/// pre-release build (what `./build.sh Pack` makes between tags) and for a tagged release's version. The test
/// packs the built tool itself (`dotnet pack --no-build`, as Pack does, with the version given) instead of
/// running the whole Pack target; the installed tool must then verify the committed evidence.
/// </summary>
public sealed class ReadmeInstallTests
{
    [Theory]
    [InlineData("0.0.1-readme.1")]
    [InlineData("0.0.2")]
    public void The_documented_install_line_installs_a_working_mvps(string version)
    {
        using var workspace = new TempFolder();
        var project = Path.Combine(RepositoryRoot.Path, "src", "Mvps.Tool", "Mvps.Tool.csproj");
        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        (var packed, var packOutput) = Shell(workspace.Path,
            $"dotnet pack \"{project}\" -c {configuration} --no-build -nologo -o artifacts/packages -p:Version={version}");
        Assert.True(packed == 0, packOutput);

        IReadOnlyList<string> installLines = InstallBlock().Where(line => line.StartsWith("dotnet tool install ", StringComparison.Ordinal)).ToList();
        Assert.Single(installLines);
        Assert.Contains("--global", installLines[0]);
        (var installed, var installOutput) = Shell(workspace.Path, installLines[0].Replace("--global", "--tool-path tools", StringComparison.Ordinal));
        Assert.True(installed == 0, installOutput);
        Assert.Contains($"Tool 'mvps' (version '{version}') was successfully installed.", installOutput);

        (var verified, var verifyOutput) = Shell(workspace.Path,
            $"tools/mvps verify \"{RepositoryRoot.Evidence("mvps_baseline.pcap")}\" \"{RepositoryRoot.Evidence("mvps_ddos.pcap")}\" --receipt \"{RepositoryRoot.Evidence("mvps_pcap_receipt.json")}\"");
        Assert.True(verified == 0, verifyOutput);
        Assert.Contains("mvps_ddos.pcap: OK", verifyOutput);
    }

    /// <summary>The lines of the ```sh block under "## Install the tool".</summary>
    private static IReadOnlyList<string> InstallBlock()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = readme.IndexOf("\n## Install the tool\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no section \"Install the tool\"");
        var start = readme.IndexOf("```sh\n", section, StringComparison.Ordinal) + "```sh\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return readme[start..end].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Under bash with the user's HOME (dotnet and NuGet read their configuration there). The tool's package goes
    /// into this test's own package folder: a cached mvps of the same version from an earlier run must not stand in
    /// for the one just packed. Packing on a loaded machine may take long, so there is no hang limit.
    /// </summary>
    private static ProcessResult Shell(string workingDirectory, string command) =>
        ExternalProgram.Run(
            "bash",
            ["-euo", "pipefail", "-c", command],
            workingDirectory,
            environment: new Dictionary<string, string>
            {
                ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "",
                ["NUGET_PACKAGES"] = Path.Combine(workingDirectory, "nuget-packages"),
            },
            hangLimit: Timeout.InfiniteTimeSpan);
}
