using System.Runtime.CompilerServices;

namespace Mvps.Fuzz;

/// <summary>A broken invariant or an over-allocation: what AFL records as a crash, and what fails a replay test.</summary>
public sealed class FuzzFinding(string message) : Exception(message)
{
    public static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new FuzzFinding(what);
        }
    }

    /// <summary>As <see cref="Require(bool, string)"/>; the message is formatted only when the condition fails, so checks allocate nothing.</summary>
    public static void Require(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref FindingMessage what)
    {
        if (!condition)
        {
            throw new FuzzFinding(what.ToStringAndClear());
        }
    }

    /// <summary>
    /// Throws when the current thread allocated more than <paramref name="budget"/> bytes since
    /// <paramref name="before"/> (a <see cref="GC.GetAllocatedBytesForCurrentThread"/> reading).
    /// </summary>
    public static void WithinBudget(long before, long budget, string what)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > budget)
        {
            throw new FuzzFinding($"{what} allocated {allocated} bytes, over the budget of {budget}");
        }
    }
}

/// <summary>An interpolated message that is built only when its condition is false.</summary>
[InterpolatedStringHandler]
public ref struct FindingMessage
{
    private DefaultInterpolatedStringHandler _text;

    public FindingMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public string ToStringAndClear() => _text.ToStringAndClear();
}
