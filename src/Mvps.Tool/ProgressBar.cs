using System.Diagnostics;
using System.Globalization;

#pragma warning disable RS0030 // Stopwatch: the rate and ETA of a display on a terminal's stderr, never in any output

namespace Mvps.Tool;

/// <summary>
/// A one-line progress bar with rate and ETA on stderr. Shown only on a terminal and without --quiet,
/// so redirected output and logs stay clean. Timing here only drives the display, never any output file.
/// </summary>
internal sealed class ProgressBar : IProgress<long>, IDisposable
{
    private readonly string _label;
    private readonly long _total;
    private readonly string _unit;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _enabled;
    private long _lastDrawMs = -1000;

    public ProgressBar(string label, long total, string unit, bool quiet)
    {
        _label = Mvps.IO.DisplayName.Of(label);
        _total = Math.Max(total, 1);
        _unit = unit;
        _enabled = !quiet && !Console.IsErrorRedirected;
    }

    public void Report(long value)
    {
        if (!_enabled || _clock.ElapsedMilliseconds - _lastDrawMs < 200)
        {
            return;
        }

        _lastDrawMs = _clock.ElapsedMilliseconds;
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        var rate = value / seconds;
        var fraction = Math.Clamp((double)value / _total, 0, 1);
        var eta = rate > 0 ? (_total - value) / rate : 0;
        var filled = (int)(fraction * 30);
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{_label} [{new string('#', filled)}{new string('.', 30 - filled)}] {fraction * 100,5:F1}% {rate / 1e6,7:F2} M{_unit}/s ETA {eta,5:F0} s "));
    }

    public void Dispose()
    {
        if (_enabled && _lastDrawMs >= 0)
        {
            Console.Error.Write("\r" + new string(' ', 90) + "\r");
        }
    }
}
