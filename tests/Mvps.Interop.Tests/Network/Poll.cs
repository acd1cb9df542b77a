using System.Diagnostics;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// Bounded polling for a condition: check, and if it does not hold yet, look again a little later, up to a limit
/// after which the test fails saying what it waited for. The pause between looks only spares the two cores the
/// session shares with FRR; correctness never depends on it.
/// </summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    public static void Until(Func<bool> condition, TimeSpan limit, Func<string> failure) => Until(condition, limit, failure, Interval);

    /// <summary>As above, looking every <paramref name="interval"/>: for a condition that takes that long to change anyway.</summary>
    public static void Until(Func<bool> condition, TimeSpan limit, Func<string> failure, TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"{failure()} (waited {limit.TotalSeconds:0} s)");
            }

            Thread.Sleep(interval);
        }
    }
}
