namespace Mvps.Tool;

/// <summary>
/// The differences `mvps diff` found: every one is counted, only the first <see cref="Kept"/> are kept
/// to print, so memory stays constant however many records differ.
/// </summary>
internal sealed class DifferenceList(int keep)
{
    private readonly List<string> _kept = [];

    public long Count { get; private set; }

    public IReadOnlyList<string> Kept => _kept;

    public void Add(string difference)
    {
        Count++;
        if (_kept.Count < keep)
        {
            _kept.Add(difference);
        }
    }
}
