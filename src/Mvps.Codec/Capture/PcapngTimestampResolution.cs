using static Mvps.Codec.Capture.CaptureLayout;

namespace Mvps.Codec.Capture;

/// <summary>
/// A pcapng if_tsresol: ticks are 10^-n or 2^-n seconds. Conversion to seconds and nanoseconds uses
/// integer arithmetic only, so it is exact and identical on every machine.
/// </summary>
internal readonly struct PcapngTimestampResolution
{
    private const int MaxDecimalExponent = 19; // 10^19 is the largest power of 10 in a ulong
    private const int MaxBinaryExponent = 63;

    private readonly bool _binary;
    private readonly int _exponent;
    private readonly ulong _ticksPerSecond;

    // Decimal only: multiplier (resolution of 1 ns or coarser) or divisor (finer) from ticks to nanoseconds.
    private readonly ulong _nanosecondScale;

    private PcapngTimestampResolution(bool binary, int exponent, ulong ticksPerSecond)
    {
        _binary = binary;
        _exponent = exponent;
        _ticksPerSecond = ticksPerSecond;
        _nanosecondScale = binary ? 0 : PowerOfTen(Math.Abs(9 - exponent));
    }

    public static PcapngTimestampResolution Microseconds { get; } = new(false, 6, MicrosecondsPerSecond);

    public static bool TryCreate(byte tsresol, out PcapngTimestampResolution resolution)
    {
        var exponent = tsresol & ~PcapngOptions.TimestampResolutionBinaryFlag;
        if ((tsresol & PcapngOptions.TimestampResolutionBinaryFlag) != 0)
        {
            if (exponent > MaxBinaryExponent)
            {
                resolution = default;
                return false;
            }

            resolution = new PcapngTimestampResolution(true, exponent, 1UL << exponent);
            return true;
        }

        if (exponent > MaxDecimalExponent)
        {
            resolution = default;
            return false;
        }

        resolution = new PcapngTimestampResolution(false, exponent, PowerOfTen(exponent));
        return true;
    }

    public void Split(ulong ticks, out ulong seconds, out uint nanoseconds)
    {
        if (_binary)
        {
            seconds = ticks >> _exponent;
            var fraction = ticks & (_ticksPerSecond - 1);
            nanoseconds = (uint)(((UInt128)fraction * NanosecondsPerSecond) >> _exponent);
            return;
        }

        seconds = ticks / _ticksPerSecond;
        var remainder = ticks - (seconds * _ticksPerSecond);
        nanoseconds = _exponent <= 9
            ? (uint)(remainder * _nanosecondScale)
            : (uint)(remainder / _nanosecondScale);
    }

    private static ulong PowerOfTen(int exponent)
    {
        ulong value = 1;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
