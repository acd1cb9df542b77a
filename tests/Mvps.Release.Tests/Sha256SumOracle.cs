namespace Mvps.Release.Tests;

/// <summary>The real sha256sum checking a folder's SHA256SUMS, as an outsider would.</summary>
internal static class Sha256SumOracle
{
    /// <summary>
    /// sha256sum --strict accepts every listed file; after <paramref name="appended"/> is added to the listed file
    /// <paramref name="tamperedFile"/>, sha256sum fails and names it FAILED. Returns what the first, passing check printed.
    /// </summary>
    public static string AcceptsThenRejectsATamperedFile(string folder, string tamperedFile, string appended)
    {
        (var ok, var okOutput) = ExternalProgram.Run("sha256sum", ["--strict", "-c", "SHA256SUMS"], workingDirectory: folder);
        Assert.True(ok == 0, okOutput);

        File.AppendAllText(Path.Combine(folder, tamperedFile), appended);
        (var bad, var badOutput) = ExternalProgram.Run("sha256sum", ["-c", "SHA256SUMS"], workingDirectory: folder);
        Assert.NotEqual(0, bad);
        Assert.Contains(tamperedFile + ": FAILED", badOutput);
        return okOutput;
    }
}
