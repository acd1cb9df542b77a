using System.Globalization;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// docs/interop.md's by-hand blocks as a test runs them: each with bash from the repository root, the built `mvps`
/// first on PATH, and NS and DIR set to names of this test (DIR not below a private scratch folder: FRR's daemons
/// run as user frr and must reach DIR/frr). Disposing cleans up whatever the blocks left, in this order: the
/// blocks run in the background, the daemons named by the pid files in DIR (all sent SIGTERM, then awaited), DIR, and both
/// namespaces.
/// </summary>
internal sealed class DocumentedSteps : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, string> _environment;
    private readonly string[] _pidFiles;
    private readonly List<BackgroundProcess> _background = [];

    /// <param name="namespacePrefix">Two letters that keep this test's NS apart from another's.</param>
    /// <param name="pidFiles">The daemons' pid files, relative to DIR.</param>
    public DocumentedSteps(string namespacePrefix, params string[] pidFiles)
    {
        Ns = string.Create(CultureInfo.InvariantCulture, $"{namespacePrefix}{Environment.ProcessId % 1_000_000}");
        Dir = Path.Combine(Path.GetTempPath(), Ns + "-interop-doc");
        _pidFiles = pidFiles;
        _environment = new Dictionary<string, string>
        {
            ["NS"] = Ns,
            ["DIR"] = Dir,
            ["PATH"] = MvpsCli.ShimDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        };
    }

    public string Ns { get; }

    public string Dir { get; }

    public ProcessResult Run(string block) => ExternalProgram.Run("bash", ["-c", block], RepositoryRoot.Path, environment: _environment);

    /// <summary>A block the page runs "in terminal 2/3": started in the background, stopped at the latest on disposal.</summary>
    public BackgroundProcess Start(string block)
    {
        var process = BackgroundProcess.Start(ExternalProgram.Require("bash"), ["-c", block], RepositoryRoot.Path, _environment);
        _background.Add(process);
        return process;
    }

    public void Dispose()
    {
        // Every daemon is signalled before any is awaited, and DIR and the namespaces go whatever happens: a daemon
        // that outlives SIGTERM fails the test only after the rest is cleaned up.
        var daemons = new List<(string PidFile, int Pid)>();
        try
        {
            foreach (var process in _background)
            {
                process.Dispose();
            }

            foreach (var pidFile in _pidFiles.Select(name => Path.Combine(Dir, name)))
            {
                if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
                {
                    BackgroundProcess.Signal(pid, BackgroundProcess.SigTerm);
                    daemons.Add((pidFile, pid));
                }
            }

            foreach (var (pidFile, pid) in daemons)
            {
                Poll.Until(() => !BackgroundProcess.IsAlive(pid), Limit, () => $"{pidFile}: {pid} still runs after SIGTERM");
            }
        }
        finally
        {
            if (Directory.Exists(Dir))
            {
                Directory.Delete(Dir, recursive: true);
            }

            foreach (var name in new[] { Ns + "-vantage", Ns + "-peer" })
            {
                if (File.Exists(Path.Combine("/run/netns", name)))
                {
                    ExternalProgram.Run("ip", "netns", "del", name);
                }
            }
        }
    }
}
