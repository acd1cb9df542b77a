using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Wire;

/// <summary>Property-based checks: any field values round-trip; no byte string makes the decoder throw.</summary>
public sealed class DecoderPropertyTests
{
    [Property(MaxTest = 500)]
    public bool Any_field_values_round_trip(uint tick, int phi, uint c1Bits, uint c2Bits, uint c3Bits, byte state, byte diag, ushort vantage, uint my, uint your)
    {
        var frame = TestFrames.Sample with
        {
            Tick = tick,
            PhiNanoseconds = phi,
            C1 = BitConverter.UInt32BitsToSingle(c1Bits),
            C2 = BitConverter.UInt32BitsToSingle(c2Bits),
            C3 = BitConverter.UInt32BitsToSingle(c3Bits),
            VantageId = vantage,
            Bfd = TestFrames.Sample.Bfd with
            {
                State = (BfdState)(state & 3),
                Diagnostic = (BfdDiagnostic)(diag & 0x1F),
                MyDiscriminator = my,
                YourDiscriminator = your,
            },
        };

        var bytes = TestFrames.Encode(frame);
        var decoded = FrameDecoder.ReadFields(bytes);

        // Compare floats by bit pattern: NaN payloads and signed zeros must survive too.
        return TestFrames.Encode(decoded).AsSpan().SequenceEqual(bytes)
            && BitConverter.SingleToUInt32Bits(decoded.C1) == c1Bits
            && decoded.Tick == tick && decoded.PhiNanoseconds == phi;
    }

    [Property(MaxTest = 2000)]
    public bool Decoder_never_throws_on_arbitrary_bytes(byte[] data)
    {
        var problems = new List<FrameProblem>();
        using var authenticator = FrameAuthenticator.ForProofKey();
        FrameDecoder.TryDecode(data ?? [], authenticator, problems, out _);
        return problems.Count > 0 || (data?.Length ?? 0) == 110;
    }

    [Property(MaxTest = 300)]
    public Property Decoder_never_throws_on_frame_sized_noise()
    {
        return Prop.ForAll(Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 110).ToArbitrary(), data =>
        {
            var problems = new List<FrameProblem>();
            using var authenticator = FrameAuthenticator.ForProofKey();
            return FrameDecoder.TryDecode(data, authenticator, problems, out _) && problems.Count > 0;
        });
    }
}
