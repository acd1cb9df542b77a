using System.Globalization;
using Mvps.Evidence.Receipt;
using Mvps.IO;

namespace Mvps.Evidence.Tests.Receipt;

/// <summary>
/// Every second count a capture can encode prints: inside DateTimeOffset's range exactly as it formats,
/// outside it in ISO 8601's expanded year form. The out-of-range values were computed independently with
/// Python's datetime, shifted by whole 400-year Gregorian cycles (146,097 days) into its range.
/// </summary>
public sealed class TimestampFormatTests
{
    [Theory]
    [InlineData(253_402_300_800L, 0u, "+10000-01-01T00:00:00.000000Z")]
    [InlineData(253_402_300_799L, 999_999u, "9999-12-31T23:59:59.999999Z")]
    [InlineData(300_000_000_000L, 0u, "+11476-08-15T05:20:00.000000Z")]
    [InlineData(4_611_686_018_427_387_904L, 0u, "+146138514283-06-19T07:45:04.000000Z")]
    [InlineData(-4_611_686_018_427_387_904L, 5u, "-146138510344-07-14T16:14:56.000005Z")]
    [InlineData(-62_135_596_800L, 0u, "0001-01-01T00:00:00.000000Z")]
    [InlineData(-62_135_596_801L, 0u, "0000-12-31T23:59:59.000000Z")]
    [InlineData(-62_167_219_201L, 0u, "-0001-12-31T23:59:59.000000Z")]
    [InlineData(long.MaxValue, 0u, "+292277026596-12-04T15:30:07.000000Z")]
    [InlineData(long.MinValue, 0u, "-292277022657-01-27T08:29:52.000000Z")]
    [InlineData(-1L, 0u, "1969-12-31T23:59:59.000000Z")]
    public void Formats_any_second_count(long seconds, uint microseconds, string expected) =>
        Assert.Equal(expected, UtcTimestamp.Format(seconds, microseconds));

    [Fact]
    public void Agrees_with_DateTimeOffset_across_its_whole_range()
    {
        var min = DateTimeOffset.MinValue.ToUnixTimeSeconds();
        var max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
        // A prime step crosses every month, leap day and century rule many times over.
        for (var s = min; s <= max; s += 9_999_991)
        {
            var expected = DateTimeOffset.FromUnixTimeSeconds(s).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + ".000042Z";
            Assert.Equal(expected, UtcTimestamp.Format(s, 42));
        }

        Assert.Equal("0001-01-01T00:00:00.000000Z", UtcTimestamp.Format(min, 0));
        Assert.Equal("9999-12-31T23:59:59.000000Z", UtcTimestamp.Format(max, 0));
    }
}
