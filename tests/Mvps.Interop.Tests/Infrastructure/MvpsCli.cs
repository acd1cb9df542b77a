namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>
/// The real mvps CLI as built by this solution: the project reference copies mvps.dll next to the test
/// assembly, and it is run as `dotnet mvps.dll ...` in a child process.
/// </summary>
internal static class MvpsCli
{
    private static readonly Lazy<string> Shim = new(CreateShimDirectory);

    public static string DllPath
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "mvps.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"mvps.dll not found next to the tests in {AppContext.BaseDirectory}");
        }
    }

    public static ProcessResult Run(params string[] arguments) =>
        ExternalProgram.Run("dotnet", new[] { DllPath }.Concat(arguments));

    /// <summary>A folder holding an executable `mvps` script that runs the built CLI; prepend it to PATH.</summary>
    public static string ShimDirectory => Shim.Value;

    private static string CreateShimDirectory()
    {
        var directory = TempFolder.ForProcess("mvps-shim");
        var script = Path.Combine(directory, "mvps");
        File.WriteAllText(script, $"#!/bin/sh\nexec dotnet '{DllPath.Replace("'", "'\\''", StringComparison.Ordinal)}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return directory;
    }
}
