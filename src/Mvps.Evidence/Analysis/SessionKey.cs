using System.Globalization;

namespace Mvps.Evidence.Analysis;

/// <summary>A BFD session of one vantage: its vantage id and its My Discriminator (which survives a session-down).</summary>
public readonly record struct SessionKey(ushort VantageId, uint MyDiscriminator) : IComparable<SessionKey>
{
    public int CompareTo(SessionKey other) =>
        VantageId != other.VantageId ? VantageId.CompareTo(other.VantageId) : MyDiscriminator.CompareTo(other.MyDiscriminator);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"vantage {VantageId} (my discriminator 0x{MyDiscriminator:x8})");
}
