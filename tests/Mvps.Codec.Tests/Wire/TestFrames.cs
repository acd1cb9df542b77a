using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Wire;

/// <summary>Valid frames to start from; each test mutates its own copy.</summary>
internal static class TestFrames
{
    public static readonly CoherenceFrame Sample = new(
        new BfdControlPacket(1, BfdDiagnostic.NoDiagnostic, BfdState.Up, BfdFlags.None, 3, 24, 0x4D565053, 0x4D565054, 100_000, 100_000, 0),
        ExtensionVersion: 3, ExtensionFlags: 0, VantageId: 10, LatticePeriodUs: 100_000,
        Tick: 1000, PhiNanoseconds: -1234, C1: 0.991f, C2: 0.5f, C3: 0.25f);

    public static byte[] Encode(in CoherenceFrame frame)
    {
        var bytes = new byte[FieldLengths.Frame];
        using var authenticator = FrameAuthenticator.ForProofKey();
        FrameEncoder.Write(frame, authenticator, bytes);
        return bytes;
    }

    public static List<FrameProblem> Problems(ReadOnlySpan<byte> frame)
    {
        var problems = new List<FrameProblem>();
        using var authenticator = FrameAuthenticator.ForProofKey();
        FrameDecoder.TryDecode(frame, authenticator, problems, out _);
        return problems;
    }
}
