using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Hostile;

/// <summary>Valid frames and small captures built from them, for the hostile-input tests.</summary>
internal static class TestFramesForHostile
{
    public static byte[] Valid(uint tick = 1000) => Mvps.Codec.Tests.Wire.TestFrames.Encode(Mvps.Codec.Tests.Wire.TestFrames.Sample with { Tick = tick });
}
