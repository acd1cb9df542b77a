namespace Mvps.Evidence.Regimes;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014; the seeding generator of xoshiro): 64-bit state, one add,
/// three xor-shift-multiplies per draw. Integer-only, so every platform draws the same sequence.
/// </summary>
internal struct SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        var z = _state += Gamma;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, bound), by the multiply-high method (no modulo bias worth naming for small bounds).</summary>
    public uint Below(uint bound) => (uint)(((UInt128)Next() * bound) >> 64);

    /// <summary>Uniform integer in [-amplitude, amplitude].</summary>
    public int Symmetric(int amplitude) => (int)Below((uint)(2 * amplitude + 1)) - amplitude;

    /// <summary>
    /// Bell-shaped integer noise: the sum of four uniform draws in [-a, a], halved (Irwin–Hall, n = 4).
    /// Standard deviation a/√3, bounded by ±2a; integer-only, unlike a Box–Muller draw that needs Log/Sin.
    /// </summary>
    public int Bell(int amplitude) =>
        (Symmetric(amplitude) + Symmetric(amplitude) + Symmetric(amplitude) + Symmetric(amplitude)) / 2;
}
