namespace Mvps.Tool.Send;

/// <summary>
/// What the local system chooses for one RFC 5880 session: its discriminator, its Detect Mult, and the intervals
/// it wants once the session is Up (while not Up, §6.8.3 requires <see cref="Mvps.Codec.Wire.BfdControlPacket.SlowTxIntervalUs"/>).
/// </summary>
internal sealed record BfdSessionSettings(uint MyDiscriminator, byte DetectMultiplier, uint DesiredMinTxIntervalUs, uint RequiredMinRxIntervalUs)
{
    public void Validate()
    {
        if (MyDiscriminator == 0)
        {
            throw new ArgumentException("My Discriminator must be nonzero (RFC 5880 §6.8.1)");
        }

        if (DetectMultiplier == 0)
        {
            throw new ArgumentException("Detect Mult must be nonzero (RFC 5880 §4.1)");
        }

        if (DesiredMinTxIntervalUs == 0 || RequiredMinRxIntervalUs == 0)
        {
            throw new ArgumentException("the intervals must be nonzero");
        }
    }
}
