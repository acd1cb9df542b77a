namespace Mvps.Tool.Tests;

/// <summary>The project's rule for unusable input or usage, checked once: exit 2, one or two lines, no stack trace.</summary>
internal static class UsageErrorAssert
{
    /// <summary>
    /// Runs the tool with <paramref name="args"/> (made in a fresh folder) and checks exit 2 and a standard error of the
    /// problem (naming <paramref name="expected"/>) and, for usage errors, a pointer to --help; never an exception.
    /// <paramref name="what"/> names the case in the failure message.
    /// </summary>
    public static ProcessResult RunsToOneLineWithExit2(string what, Func<TempFolder, string[]> args, string expected)
    {
        using var temp = new TempFolder();

        var result = MvpsProcess.Run(args(temp));

        Assert.True(result.ExitCode == 2, $"{what}: exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.DoesNotContain("Exception", result.StandardError);
        Assert.InRange(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 1, 2);
        Assert.Contains(expected, result.StandardError);
        return result;
    }
}
