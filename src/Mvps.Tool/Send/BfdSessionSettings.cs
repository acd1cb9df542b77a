namespace Mvps.Tool.Send;

/// <summary>
/// What the local system chooses for one RFC 5880 session: its discriminator, its Detect Mult, and the intervals
/// it wants once the session is Up (while not Up, §6.8.3 requires a transmit interval of at least one second).
/// </summary>
internal sealed record BfdSessionSettings(uint MyDiscriminator, byte DetectMultiplier, uint DesiredMinTxIntervalUs, uint RequiredMinRxIntervalUs)
{
    /// <summary>RFC 5880 §6.8.3: while the session is not Up, bfd.DesiredMinTxInterval is at least one second.</summary>
    public const uint SlowTxIntervalUs = 1_000_000;

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
