namespace Mvps.Fuzz;

/// <summary>
/// One parser under fuzzing. <see cref="Check"/> feeds it one input and throws on a finding: an exception
/// other than the parser's documented one, a broken invariant, or allocation beyond the target's budget.
/// The same class runs under AFL++ (tests/Mvps.Fuzz) and in the replay tests, so both apply the same checks.
/// </summary>
public interface IFuzzTarget
{
    void Check(byte[] input);
}
