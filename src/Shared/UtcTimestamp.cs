using System.Globalization;

namespace Mvps.IO;

/// <summary>
/// The one text form of a capture timestamp (seconds since 1970 UTC and microseconds) that the receipt, the
/// frame JSON and <c>mvps decode</c> write.
/// </summary>
internal static class UtcTimestamp
{
    /// <summary>
    /// ISO 8601 UTC with microseconds, for any second count a capture can encode: years 0000..9999 as
    /// "yyyy-MM-ddTHH:mm:ss.ffffffZ", others in ISO 8601's expanded form with a sign ("+10000-01-01T..."),
    /// where DateTimeOffset would throw. Integer arithmetic only (proleptic Gregorian calendar).
    /// </summary>
    public static string Format(long seconds, uint microseconds)
    {
        var days = Math.DivRem(seconds, 86_400, out var secondOfDay);
        if (secondOfDay < 0)
        {
            secondOfDay += 86_400;
            days--;
        }

        (var year, var month, var day) = CivilFromDays(days);
        var yearText = year is >= 0 and <= 9999
            ? year.ToString("D4", CultureInfo.InvariantCulture)
            : (year < 0 ? "-" : "+") + Math.Abs(year).ToString("D4", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{yearText}-{month:D2}-{day:D2}T{secondOfDay / 3600:D2}:{secondOfDay / 60 % 60:D2}:{secondOfDay % 60:D2}.{microseconds:D6}Z");
    }

    /// <summary>Year, month, day of a day count since 1970-01-01 (H. Hinnant's civil_from_days, valid for every long second count / 86400).</summary>
    private static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        var z = days + 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var dayOfEra = z - era * 146_097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var mp = (5 * dayOfYear + 2) / 153;
        var day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
    }
}
