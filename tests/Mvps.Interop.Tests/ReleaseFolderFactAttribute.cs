namespace Mvps.Interop.Tests;

/// <summary>
/// A fact about a release folder as `./build.sh Release` makes it: the folder MVPS_RELEASE_FOLDER names
/// (VerifyRelease sets it to the release it checks; then the test never skips), else the clone's
/// artifacts/release. Skipped, with the reason, when a named program is missing, or when no
/// MVPS_RELEASE_FOLDER is set and artifacts/release is missing or was built from other evidence than
/// evidence/ (a stale release says nothing about this commit's recipe).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ReleaseFolderFactAttribute : FactAttribute
{
    public const string Variable = "MVPS_RELEASE_FOLDER";

    /// <summary>The files a release copies from evidence/ unchanged (build/Build.Release.cs).</summary>
    public static readonly string[] FromEvidence =
        ["mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json", "receipt.schema.json", "mvps_dissector.lua"];

    public ReleaseFolderFactAttribute(params string[] tools)
    {
        Skip = ToolLocator.SkipReason(tools) ?? StaleReason();
    }

    /// <summary>The release folder the test runs on.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named
            ? Path.GetFullPath(named)
            : Path.Combine(RepositoryRoot.Path, "artifacts", "release");

    private static string? StaleReason()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 })
        {
            return null;
        }

        var build = "run ./build.sh Release (VerifyRelease runs this test on the release it checks)";
        if (!Directory.Exists(Folder))
        {
            return $"no release folder {Folder}: {build}";
        }

        foreach (var name in FromEvidence)
        {
            var released = Path.Combine(Folder, name);
            if (!File.Exists(released) || !File.ReadAllBytes(released).AsSpan().SequenceEqual(File.ReadAllBytes(RepositoryRoot.Evidence(name))))
            {
                return $"{Folder} was not built from this evidence/ ({name} is missing or differs): {build}";
            }
        }

        return null;
    }
}
