using Mvps.Evidence.Regimes;

namespace Mvps.Evidence.Tests.Regimes;

public sealed class SplitMix64Tests
{
    [Fact]
    public void Seed_zero_gives_the_published_first_outputs()
    {
        // Reference outputs of SplitMix64 seeded with 0 (as in the xoshiro authors' splitmix64.c).
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.Next());
        Assert.Equal(0x06C45D188009454FUL, random.Next());
    }

    [Fact]
    public void Bell_noise_stays_within_twice_its_amplitude_and_is_centred()
    {
        var random = new SplitMix64(42);
        long sum = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var value = random.Bell(1000);
            Assert.InRange(value, -2000, 2000);
            sum += value;
        }

        Assert.InRange(sum / 100_000, -10, 10);
    }

    [Fact]
    public void Below_stays_below_its_bound()
    {
        var random = new SplitMix64(7);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.Below(3), 0u, 2u);
        }
    }
}
