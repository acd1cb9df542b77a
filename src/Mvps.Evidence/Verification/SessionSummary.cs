using System.Globalization;

namespace Mvps.Evidence.Verification;

/// <summary>What the verifier saw of one session: counts, the tick range and how the BFD state moved.</summary>
public sealed class SessionSummary
{
    internal SessionSummary(int number, string source, string destination, uint myDiscriminator, ushort vantageId, uint latticePeriodUs)
    {
        Number = number;
        Source = source;
        Destination = destination;
        MyDiscriminator = myDiscriminator;
        VantageId = vantageId;
        LatticePeriodUs = latticePeriodUs;
    }

    /// <summary>1-based, in order of first appearance.</summary>
    public int Number { get; }

    public string Source { get; }

    public string Destination { get; }

    public uint MyDiscriminator { get; }

    /// <summary>The vantage id of the session's first frame.</summary>
    public ushort VantageId { get; }

    public uint LatticePeriodUs { get; }

    public long Frames { get; internal set; }

    public uint FirstTick { get; internal set; }

    public uint LastTick { get; internal set; }

    /// <summary>Ticks skipped between consecutive frames (tick gaps), summed.</summary>
    public long LostTicks { get; internal set; }

    /// <summary>Frames whose BFD state differs from the session's previous frame.</summary>
    public long StateChanges { get; internal set; }

    internal byte LastState { get; set; }

    internal UInt128 LastTag { get; set; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"session {Number}: vantage {VantageId}, discriminator 0x{MyDiscriminator:x8}, {Source} > {Destination}: {Frames:N0} frames, ticks {FirstTick}..{LastTick}, {LostTicks:N0} lost, {StateChanges:N0} state changes");
}
