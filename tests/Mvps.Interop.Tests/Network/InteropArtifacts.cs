namespace Mvps.Interop.Tests.Network;

/// <summary>
/// Where `./build.sh Interop` collects what the network tests saw: when MVPS_INTEROP_ARTIFACTS names a folder,
/// tests copy their captures and FRR's JSON there and write one summary fragment each; otherwise nothing is kept.
/// </summary>
internal static class InteropArtifacts
{
    public const string Variable = "MVPS_INTEROP_ARTIFACTS";

    public static string? Directory
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrEmpty(value) ? null : System.IO.Directory.CreateDirectory(value).FullName;
        }
    }

    public static void Keep(string file, string name)
    {
        if (Directory is string directory)
        {
            File.Copy(file, Path.Combine(directory, name), overwrite: true);
        }
    }

    public static void Write(string name, string text)
    {
        if (Directory is string directory)
        {
            var target = Path.Combine(directory, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text.ReplaceLineEndings("\n"));
        }
    }

    /// <summary>A section of summary.md: the build concatenates the fragments in name order.</summary>
    public static void Summary(string name, IEnumerable<string> lines) =>
        Write(Path.Combine("summary.d", name + ".md"), string.Join('\n', lines) + "\n");
}
