using System.Globalization;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// A running process's CPU time and memory as the kernel reports them in /proc: utime + stime from
/// /proc/PID/stat (all threads), and VmHWM (peak resident set so far) and VmRSS from /proc/PID/status.
/// </summary>
internal sealed record ProcessUsage(double CpuSeconds, long PeakResidentKilobytes, long ResidentKilobytes)
{
    private static readonly Lazy<long> ClockTicksPerSecond = new(() =>
        long.Parse(ExternalProgram.Run("getconf", "CLK_TCK").AssertSuccess().StandardOutput.Trim(), CultureInfo.InvariantCulture));

    public static ProcessUsage Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after "pid (comm) ": state is field 3, utime field 14, stime field 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return new ProcessUsage((double)ticks / ClockTicksPerSecond.Value, Kilobytes(status, "VmHWM:"), Kilobytes(status, "VmRSS:"));
    }

    private static long Kilobytes(string[] status, string field) =>
        long.Parse(status.Single(line => line.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
