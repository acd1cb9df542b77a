using System.Globalization;

namespace Mvps.Release;

/// <summary>
/// SOURCE_DATE_EPOCH (reproducible-builds.org): the one source of a timestamp in provenance, normally
/// the commit time, so the statement never carries the wall clock.
/// </summary>
public static class SourceDateEpoch
{
    internal const string EnvironmentVariable = "SOURCE_DATE_EPOCH";

    /// <summary>Latest second RFC 3339 can write with a four-digit year (9999-12-31T23:59:59Z).</summary>
    private const long MaxSeconds = 253_402_300_799;

    /// <summary>The variable's value in seconds, or null when it is unset or empty.</summary>
    public static long? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrEmpty(value) ? null : Parse(value, EnvironmentVariable);
    }

    /// <summary>Parses decimal seconds since 1970-01-01T00:00:00Z; throws <see cref="ReleaseInputException"/> naming the source.</summary>
    public static long Parse(string value, string sourceName)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxSeconds)
        {
            throw new ReleaseInputException($"{sourceName}: \"{value}\" is not a whole number of seconds since 1970 (0 to {MaxSeconds})");
        }

        return seconds;
    }

    /// <summary>RFC 3339 in UTC with second precision, e.g. 2024-05-01T12:00:00Z.</summary>
    internal static string ToRfc3339(long seconds)
    {
        if (seconds is < 0 or > MaxSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, $"must be 0 to {MaxSeconds}");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
            .ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
    }
}
