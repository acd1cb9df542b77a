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

    /// <summary>The source IP address as text.</summary>
    public string Source { get; }

    /// <summary>The destination IP address as text.</summary>
    public string Destination { get; }

    /// <summary>The BFD My Discriminator that identifies the session.</summary>
    public uint MyDiscriminator { get; }

    /// <summary>The vantage id of the session's first frame.</summary>
    public ushort VantageId { get; }

    /// <summary>The lattice period of the session's first frame, in microseconds.</summary>
    public uint LatticePeriodUs { get; }

    /// <summary>Frames of the session.</summary>
    public long Frames { get; internal set; }

    /// <summary>The tick of the session's first frame.</summary>
    public uint FirstTick { get; internal set; }

    /// <summary>The tick of the session's last frame.</summary>
    public uint LastTick { get; internal set; }

    /// <summary>Ticks skipped between consecutive frames (tick gaps), summed.</summary>
    public long LostTicks { get; internal set; }

    /// <summary>Frames whose BFD state differs from the session's previous frame.</summary>
    internal long StateChanges { get; set; }

    internal byte LastState { get; set; }

    internal UInt128 LastTag { get; set; }

    /// <summary>The session as the verdict's one summary line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"session {Number}: vantage {VantageId}, discriminator 0x{MyDiscriminator:x8}, {Source} > {Destination}: {Frames:N0} frames, ticks {FirstTick}..{LastTick}, {LostTicks:N0} lost, {StateChanges:N0} state changes");
}
