namespace Mvps.Tests.Shared;

/// <summary>
/// Checks that a text holds (or does not hold) each of a list of strings, ordinal, and on failure names every one that
/// is wrong at once, not only the first as a run of <c>Assert.Contains</c> would.
/// </summary>
public static class TextAssert
{
    public static void ContainsAll(string text, params string[] expected)
    {
        var missing = expected.Where(item => !text.Contains(item, StringComparison.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail($"{missing.Count} of {expected.Length} expected string(s) not found:\n{Quoted(missing)}\nin:\n{text}");
        }
    }

    public static void ContainsNone(string text, params string[] unexpected)
    {
        var present = unexpected.Where(item => text.Contains(item, StringComparison.Ordinal)).ToList();
        if (present.Count > 0)
        {
            Assert.Fail($"{present.Count} of {unexpected.Length} unwanted string(s) found:\n{Quoted(present)}\nin:\n{text}");
        }
    }

    private static string Quoted(IEnumerable<string> items) => string.Join("\n", items.Select(item => "  \"" + item + "\""));
}
