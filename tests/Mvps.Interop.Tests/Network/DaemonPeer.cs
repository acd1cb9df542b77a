using System.Globalization;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// What the daemon profiles (FRR, BIRD) share: the same fast timers, a folder of their own, pids read from the pid
/// files they write, bounded polls of their CLI that fail with its last view, and stopping by pid, never by name.
/// </summary>
internal abstract class DaemonPeer<TSelf>
    where TSelf : DaemonPeer<TSelf>
{
    /// <summary>The timers both profiles are configured with: 50 ms both ways, Detect Mult 3 (the peer's detection time for us is our Detect Mult times our interval).</summary>
    public const int IntervalMs = 50;
    public const int Multiplier = 3;

    protected static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    protected DaemonPeer(string folder)
    {
        Folder = folder;
    }

    public static string Timers => string.Create(CultureInfo.InvariantCulture, $"{IntervalMs} ms tx/rx, Detect Mult {Multiplier}");

    public static int DetectMultiplier => Multiplier;

    public string Folder { get; }

    public IReadOnlyList<int> Pids { get; protected set; } = [];

    /// <summary>How failures name the profile ("FRR", "BIRD").</summary>
    protected abstract string ProfileName { get; }

    /// <summary>The CLI's view of the session(s) that a failed wait shows.</summary>
    protected abstract string SessionsView();

    /// <summary>Whether <paramref name="e"/> from a condition means only "not ready yet" (no socket, no session entry).</summary>
    protected abstract bool IsNotReadyYet(Exception e);

    /// <summary>Polls until <paramref name="condition"/> holds; fails naming what was awaited and the peer's last view.</summary>
    public void WaitFor(Func<TSelf, bool> condition, string what)
    {
        var last = "";
        Poll.Until(() =>
        {
            try
            {
                if (condition((TSelf)this))
                {
                    return true;
                }

                last = SessionsView();
            }
            catch (Exception e) when (IsNotReadyYet(e))
            {
                last = e.Message;
            }

            return false;
        }, Limit, () => $"{ProfileName}: no {what}; last view:\n{last}");
    }

    /// <summary>SIGTERM to every pid, the last started first, then awaits their end.</summary>
    public void Stop()
    {
        foreach (var pid in Pids.Reverse())
        {
            BackgroundProcess.Signal(pid, BackgroundProcess.SigTerm);
        }

        Poll.Until(() => !Pids.Any(BackgroundProcess.IsAlive), Limit,
            () => $"{ProfileName}: {string.Join(", ", Pids.Where(BackgroundProcess.IsAlive))} still run(s) after SIGTERM");
    }

    /// <summary>The pid <paramref name="daemon"/> writes into <paramref name="pidFile"/> once it runs.</summary>
    protected static int AwaitPid(string pidFile, string daemon)
    {
        var pid = 0;
        Poll.Until(() => File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out pid),
            Limit, () => $"{daemon} wrote no pid file {pidFile}");
        return pid;
    }
}
