namespace Mvps.Build.Tests;

/// <summary>Two fresh folders for the output-comparison tests: written alike, then made to differ, then compared.</summary>
internal sealed class ComparedFolders : IDisposable
{
    private readonly TempFolder _first = new();
    private readonly TempFolder _second = new();

    public string First => _first.Path;

    public string Second => _second.Path;

    public string[] Both => [First, Second];

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
