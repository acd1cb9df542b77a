using System.Net;
using Mvps.Evidence.Regimes;

namespace Mvps.Tool.Send;

/// <summary>The validated settings of one `mvps send` run.</summary>
internal sealed record SendOptions(
    IPAddress Peer,
    IPAddress? Local,
    RegimeProfile Regime,
    int Ticks,
    uint LatticeUs,
    byte[] Key,
    ulong Seed,
    uint MyDiscriminator,
    bool Json);
