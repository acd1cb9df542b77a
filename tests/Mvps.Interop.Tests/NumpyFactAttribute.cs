namespace Mvps.Interop.Tests;

/// <summary>
/// A fact that is skipped, with the reason and the install command, where Debian's /usr/bin/python3 cannot
/// import numpy and scipy.stats (the independent numeric oracle). Checked once per test run.
/// </summary>
public sealed class NumpyFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> MissingReason = new(Probe);

    public NumpyFactAttribute()
    {
        if (MissingReason.Value is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? Probe()
    {
        const string install = "apt-get install -y python3-numpy python3-scipy (.ci/run does)";
        if (!File.Exists(Python))
        {
            return $"{Python} is missing: {install}";
        }

        var (exitCode, _, error) = ExternalProgram.Run(Python, "-c", "import numpy, scipy.stats");
        return exitCode == 0 ? null : $"{Python} cannot import numpy and scipy.stats ({error.Trim().Split('\n')[^1]}): {install}";
    }
}
