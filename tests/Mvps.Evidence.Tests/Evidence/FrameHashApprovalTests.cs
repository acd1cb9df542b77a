using ApprovalTests;
using ApprovalTests.Namers;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.Evidence.Regimes;
using Mvps.Evidence.Verification;

namespace Mvps.Evidence.Tests.Evidence;

/// <summary>
/// Snapshot of every frame's payload and frame SHA-256 for freshly generated captures. A change to the
/// generator or the codec fails here and leaves a *.received.txt; `./build.sh Accept` promotes it and
/// regenerates evidence/, the one deliberate way to change the evidence.
/// </summary>
[UseApprovalSubdirectory("Approved")]
public sealed class FrameHashApprovalTests
{
    [Fact]
    public void Baseline_frame_hashes() => Approvals.Verify(FrameHashes(RegimeProfile.Baseline));

    [Fact]
    public void Ddos_frame_hashes() => Approvals.Verify(FrameHashes(RegimeProfile.Ddos));

    /// <summary>One line per frame: index, payload SHA-256 (bytes 42..109), frame SHA-256. LF, no final newline.</summary>
    internal static string FrameHashes(RegimeProfile profile)
    {
        using var capture = new MemoryStream();
        using (var authenticator = FrameAuthenticator.ForProofKey())
        {
            EvidenceGenerator.WriteCapture(new RegimeModel(profile, RegimeModel.DefaultSeed, EvidenceGenerator.EvidenceFrameCount), authenticator, capture);
        }

        capture.Position = 0;
        return FrameHashListing.Render(capture, profile.FileName);
    }
}
