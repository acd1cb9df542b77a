namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>Assertions on one tshark `-T fields` row, with messages that name the frame and field.</summary>
internal static class FieldAssert
{
    public static void NumberEquals(IReadOnlyDictionary<string, string> row, string field, ulong expected, string where)
    {
        var text = row[field];
        Assert.True(text.Length > 0, $"{where}: {field} is absent (field renamed, or the dissector did not run?)");
        // Show the expectation in the notation tshark used, so hex fields read as hex.
        var shown = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? $"0x{expected:x}" : $"{expected}";
        Assert.True(expected == FieldValue.Unsigned(text), $"{where}: {field} is {text}, expected {shown}");
    }

    public static void TextEquals(IReadOnlyDictionary<string, string> row, string field, string expected, string where) =>
        Assert.True(expected == row[field], $"{where}: {field} is '{row[field]}', expected '{expected}'");
}
