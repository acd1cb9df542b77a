using System.Globalization;

namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>Parses the numbers tshark and the receipt print: decimal, or hex with a 0x prefix.</summary>
internal static class FieldValue
{
    public static ulong Unsigned(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.Parse(trimmed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : ulong.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    public static long Signed(string text) => long.Parse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static double Real(string text) => double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
