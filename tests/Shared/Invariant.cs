using System.Globalization;

namespace Mvps.Tests.Shared;

/// <summary>
/// Interpolated text in the invariant culture, as the tool writes it: <c>I($"...")</c> after
/// <c>using static Mvps.Tests.Shared.Invariant;</c>. The tests' own copy of src/Shared's <c>Mvps.IO.Invariant</c>,
/// which is internal to each product assembly.
/// </summary>
public static class Invariant
{
    public static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
