using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// A long-running child process (tcpdump, a receiving socket, mvps send) whose output lines are collected as
/// they arrive, so a test can wait for a condition ("listening on", "ready") instead of sleeping. Stopped by
/// its own pid, with a signal first and SIGKILL only as the last resort.
/// </summary>
internal sealed class BackgroundProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>How long a stopped process may take to exit before it is killed: a safety net, not a timing claim.</summary>
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly object _gate = new();
    private bool _disposed;
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BackgroundProcess(string display, Process process)
    {
        Display = display;
        _process = process;
    }

    public string Display { get; }

    /// <summary>The pid, kept after the process object is disposed (the leak check asks the kernel about it).</summary>
    public int Id { get; private set; }

    public bool HasExited => _disposed || _process.HasExited;

    public static BackgroundProcess Start(string program, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        start.Environment["TZ"] = "UTC";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var display = Path.GetFileName(program) + " " + string.Join(' ', start.ArgumentList);
        var process = new Process { StartInfo = start };
        var background = new BackgroundProcess(display, process);
        process.OutputDataReceived += (_, e) => background.Add(background._stdout, background._stdoutClosed, e.Data);
        process.ErrorDataReceived += (_, e) => background.Add(background._stderr, background._stderrClosed, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {display}");
        }

        background.Id = process.Id;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return background;
    }

    public IReadOnlyList<string> StandardOutput
    {
        get
        {
            lock (_gate)
            {
                return [.. _stdout];
            }
        }
    }

    public IReadOnlyList<string> StandardError
    {
        get
        {
            lock (_gate)
            {
                return [.. _stderr];
            }
        }
    }

    /// <summary>Waits until a line of stdout or stderr satisfies <paramref name="condition"/>; fails with the output so far.</summary>
    public string WaitForLine(Func<string, bool> condition, TimeSpan limit, string what)
    {
        var deadline = Stopwatch.StartNew();
        lock (_gate)
        {
            while (true)
            {
                var found = _stdout.Concat(_stderr).FirstOrDefault(condition);
                if (found is not null)
                {
                    return found;
                }

                if (_stdoutClosed.Task.IsCompleted && _stderrClosed.Task.IsCompleted)
                {
                    throw new InvalidOperationException($"{Display} exited before {what}\n{Output()}");
                }

                var left = limit - deadline.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"{Display}: no {what} within {limit.TotalSeconds:0} s\n{Output()}");
                }

                Monitor.Wait(_gate, left);
            }
        }
    }

    /// <summary>Waits for the process to exit on its own and for its output to be complete; returns the exit code.</summary>
    public int WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit))
        {
            throw new TimeoutException($"{Display} did not exit within {limit.TotalSeconds:0} s\n{Output()}");
        }

        _process.WaitForExit(); // drains the redirected streams
        Task.WaitAll([_stdoutClosed.Task, _stderrClosed.Task], limit);
        return _process.ExitCode;
    }

    /// <summary>Sends <paramref name="signal"/> to this process (by its pid) and waits for it to exit.</summary>
    public int Stop(int signal = SigTerm)
    {
        if (!_process.HasExited)
        {
            Signal(_process.Id, signal);
            if (!_process.WaitForExit(ExitLimit))
            {
                // What the process was doing, taken before the kill: its signal masks and each thread's state and
                // kernel wait channel say whether the signal was blocked, ignored, pending or handled but stuck.
                var state = KernelState(_process.Id);
                _process.Kill();
                _process.WaitForExit();
                throw new TimeoutException($"{Display} ignored signal {signal} for {ExitLimit.TotalSeconds:0} s and was killed\n{state}\n{Output()}");
            }
        }

        return WaitForExit(ExitLimit);
    }

    /// <summary>/proc's view of a live process: signal lines of its status, and per thread its name, state and wait channel.</summary>
    private static string KernelState(int pid)
    {
        var text = new StringBuilder("kernel state:\n");
        try
        {
            foreach (var line in File.ReadAllLines($"/proc/{pid}/status").Where(line => line.StartsWith("Sig", StringComparison.Ordinal) || line.StartsWith("ShdPnd", StringComparison.Ordinal) || line.StartsWith("State", StringComparison.Ordinal)))
            {
                text.Append("  ").Append(line).Append('\n');
            }

            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task").Order(StringComparer.Ordinal))
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var wchan = File.Exists(Path.Combine(task, "wchan")) ? File.ReadAllText(Path.Combine(task, "wchan")) : "?";
                // stat: "tid (name) S ..." — the name may hold spaces, so split at the last ')'.
                var close = stat.LastIndexOf(')');
                text.Append("  thread ").Append(stat.AsSpan(0, close + 1)).Append(' ').Append(stat.AsSpan(close + 2, 1)).Append(" wchan ").Append(wchan).Append('\n');
            }
        }
        catch (IOException e)
        {
            text.Append("  (gone while read: ").Append(e.Message).Append(")\n");
        }

        return text.ToString();
    }

    public string Output()
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            text.Append("stdout:\n").AppendJoin('\n', _stdout.TakeLast(60)).Append("\nstderr:\n").AppendJoin('\n', _stderr.TakeLast(60));
            return text.ToString();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>
    /// Signals the innermost program this process runs (a shell's child, as Ctrl-C in its terminal would reach
    /// it), by pid, and waits for this process to exit.
    /// </summary>
    public int StopInnermost(int signal)
    {
        var pid = Id;
        while (true)
        {
            var children = File.Exists($"/proc/{pid}/task/{pid}/children") ? File.ReadAllText($"/proc/{pid}/task/{pid}/children").Trim() : "";
            if (children.Length == 0)
            {
                break;
            }

            pid = int.Parse(children.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        Signal(pid, signal);
        return WaitForExit(ExitLimit);
    }

    /// <summary>kill(2) on one pid; no process group, no name matching.</summary>
    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0 && Marshal.GetLastPInvokeError() != 3 /* ESRCH: already gone */)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>True while a process with this pid exists (kill with signal 0 checks without signalling).
    /// A zombie (exited, not yet reaped by whoever inherited it) counts as gone.</summary>
    public static bool IsAlive(int pid)
    {
        if (Kill(pid, 0) != 0 && Marshal.GetLastPInvokeError() == 3)
        {
            return false;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private void Add(List<string> lines, TaskCompletionSource closed, string? line)
    {
        lock (_gate)
        {
            if (line is null)
            {
                closed.TrySetResult();
            }
            else
            {
                lines.Add(line);
            }

            Monitor.PulseAll(_gate);
        }
    }
}
