using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Wire;

public sealed class InternetChecksumTests
{
    [Fact]
    public void Rfc1071_example_sums_to_ddf2()
    {
        // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum (with end-around carry) to ddf2.
        byte[] data = [0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7];

        Assert.Equal(0x220D, InternetChecksum.Compute(data)); // ~0xddf2
    }

    [Fact]
    public void Odd_length_pads_the_last_byte_on_the_right()
    {
        Assert.Equal(InternetChecksum.Compute([0xAB, 0x00]), InternetChecksum.Compute([0xAB]));
    }

    [Fact]
    public void A_header_with_its_checksum_in_place_sums_to_zero()
    {
        var f = TestFrames.Encode(TestFrames.Sample);

        Assert.Equal(0, InternetChecksum.Compute(f.AsSpan(14, 20)));
    }
}
