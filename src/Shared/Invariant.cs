using System.Globalization;

namespace Mvps.IO;

/// <summary>
/// The one invariant-culture formatter for interpolated text that is printed or written: <c>I($"...")</c> after
/// <c>using static Mvps.IO.Invariant;</c>. Output must not depend on the machine's culture (decimal separators,
/// digits), so every interpolation that reaches a user or a file goes through here or through
/// <see cref="string.Create(IFormatProvider?, ref System.Runtime.CompilerServices.DefaultInterpolatedStringHandler)"/>.
/// </summary>
internal static class Invariant
{
    public static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
