using System.Globalization;

namespace Mvps.Evidence.Analysis;

/// <summary>A BFD session of one vantage: its vantage id and its My Discriminator (which survives a session-down).</summary>
public readonly record struct VantageSessionKey(ushort VantageId, uint MyDiscriminator) : IComparable<VantageSessionKey>
{
    public int CompareTo(VantageSessionKey other) =>
        VantageId != other.VantageId ? VantageId.CompareTo(other.VantageId) : MyDiscriminator.CompareTo(other.MyDiscriminator);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"vantage {VantageId} (my discriminator 0x{MyDiscriminator:x8})");
}
