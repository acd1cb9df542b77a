using System.CommandLine;
using System.Globalization;
using Mvps.Evidence.Analysis;

namespace Mvps.Tool;

/// <summary>
/// The <c>--alpha</c> option of the commands that score captures (analyze, report): declared and checked once, so
/// both accept and refuse the same values with the same words. Each command describes it in its own terms.
/// </summary>
internal static class AlphaOption
{
    public static Option<double> Create(string description) =>
        new("--alpha") { Description = description, DefaultValueFactory = _ => HotellingThreshold.DefaultAlpha };

    /// <summary>A usage error unless alpha is a probability in (0, 0.5).</summary>
    public static void Require(double alpha)
    {
        if (!(alpha > 0 && alpha < 0.5))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--alpha {alpha}: give a probability between 0 and 0.5 (exclusive)"));
        }
    }
}
