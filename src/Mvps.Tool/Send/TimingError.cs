namespace Mvps.Tool.Send;

/// <summary>
/// |actual time - intended time| over a set of events (sends against their schedule, poll(2) wake-ups against
/// their timeout): count, sum and maximum in nanoseconds.
/// </summary>
internal sealed class TimingError
{
    public long Count { get; private set; }

    public long SumNs { get; private set; }

    public long MaxNs { get; private set; }

    public long MeanNs => Count == 0 ? 0 : SumNs / Count;

    public void Add(long errorNs)
    {
        var magnitude = Math.Abs(errorNs);
        Count++;
        SumNs += magnitude;
        MaxNs = Math.Max(MaxNs, magnitude);
    }
}
