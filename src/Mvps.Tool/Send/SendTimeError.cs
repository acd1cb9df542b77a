namespace Mvps.Tool.Send;

/// <summary>|actual send time - scheduled send time| over a set of packets: count, sum and maximum in nanoseconds.</summary>
internal sealed class SendTimeError
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
