
namespace Mvps.Tool.Send;

/// <summary>
/// Datagrams from the peer's address that were discarded, one counter per reason in a fixed array: counting a
/// discard never allocates, however many arrive.
/// </summary>
internal sealed class DiscardCounts
{
    /// <summary>Every discard reason, in the order the checks apply: the order of the text summary and of --json's "discardedBy".</summary>
    public static IReadOnlyList<PacketVerdict> Reasons { get; } =
    [
        PacketVerdict.Oversized,
        PacketVerdict.WrongTtl,
        PacketVerdict.Truncated,
        PacketVerdict.WrongVersion,
        PacketVerdict.BadLength,
        PacketVerdict.ZeroDetectMultiplier,
        PacketVerdict.MultipointSet,
        PacketVerdict.ZeroMyDiscriminator,
        PacketVerdict.UnknownYourDiscriminator,
        PacketVerdict.ZeroYourDiscriminator,
        PacketVerdict.UnexpectedAuthentication,
        PacketVerdict.MalformedExtension,
        PacketVerdict.BadTag,
    ];

    private readonly long[] _counts = new long[Enum.GetValues<PacketVerdict>().Length];

    public long this[PacketVerdict reason] => _counts[(int)reason];

    public long Total => _counts.Sum();

    /// <summary>Counts one discard; returns how many of this reason there are now.</summary>
    public long Add(PacketVerdict reason) => ++_counts[(int)reason];
}
