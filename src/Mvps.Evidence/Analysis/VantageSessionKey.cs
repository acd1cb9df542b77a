using System.Globalization;

namespace Mvps.Evidence.Analysis;

/// <summary>A BFD session of one vantage: its vantage id and its My Discriminator (which survives a session-down).</summary>
public readonly record struct VantageSessionKey(ushort VantageId, uint MyDiscriminator) : IComparable<VantageSessionKey>
{
    /// <summary>Orders by vantage id, then by discriminator.</summary>
    public int CompareTo(VantageSessionKey other) =>
        VantageId != other.VantageId ? VantageId.CompareTo(other.VantageId) : MyDiscriminator.CompareTo(other.MyDiscriminator);

    /// <summary>The session as "vantage N (my discriminator 0x…)", the form analysis output prints.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"vantage {VantageId} (my discriminator 0x{MyDiscriminator:x8})");
}
