namespace Mvps.Interop.Tests.Network;

/// <summary>
/// Network tests run one at a time: they share the machine's two cores with timers of tens of milliseconds,
/// and FRR's session timing should not compete with a parallel replay.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NetworkCollection
{
    public const string Name = "network";
}
