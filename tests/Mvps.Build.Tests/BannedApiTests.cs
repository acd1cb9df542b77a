using Mvps.Build.Engine;
using ProcessResult = Mvps.Build.Engine.ProcessResult; // the build engine's runner, as the build starts these programs

namespace Mvps.Build.Tests;

/// <summary>
/// The determinism rules are compile errors in product code: a copy of the codec project (with the props,
/// the package versions, src/BannedSymbols.txt and src/Determinism.globalconfig it builds with) builds as it
/// is, and fails once a banned clock read, a transcendental Math call or a culture-sensitive format is added,
/// naming each. Run with `dotnet build` for real (<see cref="CodecProjectCopy"/>).
/// </summary>
public sealed class BannedApiTests : IDisposable
{
    private readonly CodecProjectCopy _codec = new();

    public void Dispose() => _codec.Dispose();

    [ToolFact("dotnet")]
    public void The_codec_builds_and_a_banned_call_fails_its_build_naming_the_symbol()
    {
        var clean = _codec.Build();
        Assert.True(clean.ExitCode == 0, "the unmodified copy must build:\n" + clean.StandardOutput + clean.StandardError);

        _codec.AddSource(Path.Combine("Wire", "BannedCalls.cs"), """
            namespace Mvps.Codec.Wire;

            internal static class BannedCalls
            {
                internal static long Clock() => System.DateTime.UtcNow.Ticks;

                internal static double Power(double x) => System.Math.Pow(x, 3);

                internal static string Culture(double x) => x.ToString();
            }
            """);

        var banned = _codec.Build();
        var output = banned.StandardOutput + banned.StandardError;

        Assert.NotEqual(0, banned.ExitCode);
        Assert.Contains(ErrorLines(output), line => line.Contains("error RS0030", StringComparison.Ordinal) && line.Contains("DateTime.UtcNow", StringComparison.Ordinal));
        Assert.Contains(ErrorLines(output), line => line.Contains("error RS0030", StringComparison.Ordinal) && line.Contains("Math.Pow", StringComparison.Ordinal));
        Assert.Contains(ErrorLines(output), line => line.Contains("error CA1305", StringComparison.Ordinal) && line.Contains("BannedCalls.cs", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ErrorLines(string output) =>
        output.Split('\n').Where(line => line.Contains("BannedCalls.cs", StringComparison.Ordinal));
}
