using Mvps.Codec.Wire;
using Mvps.Evidence.Regimes;

namespace Mvps.Evidence.Tests.Regimes;

/// <summary>The regime as `mvps send` uses it: no scripted session, only lattice opportunities, lost ticks, phi and C.</summary>
public sealed class LiveRegimeTests
{
    [Fact]
    public void The_live_baseline_is_the_scripted_baseline_frame_for_frame()
    {
        var scripted = new RegimeModel(RegimeProfile.Baseline, RegimeModel.DefaultSeed, 2_000);
        var live = new RegimeModel(RegimeProfile.Baseline, RegimeModel.DefaultSeed, 2_000, scriptedSession: false);
        while (scripted.TryNext(out var expected))
        {
            Assert.True(live.TryNext(out var actual));
            Assert.Equal(expected, actual);
        }

        Assert.False(live.TryNext(out _));
    }

    [Fact]
    public void The_live_ddos_scripts_no_session_but_keeps_lost_ticks_beyond_the_detection_time()
    {
        var live = new RegimeModel(RegimeProfile.Ddos, RegimeModel.DefaultSeed, 150, scriptedSession: false);
        var steps = new List<long>();
        long previous = -1;
        while (live.TryNext(out var sample))
        {
            Assert.Equal(BfdState.Up, sample.Fields.Bfd.State);
            Assert.Equal(BfdDiagnostic.NoDiagnostic, sample.Fields.Bfd.Diagnostic);
            if (previous >= 0)
            {
                steps.Add(sample.Fields.Tick - previous);
            }

            previous = sample.Fields.Tick;
        }

        Assert.All(steps, step => Assert.True(step >= 1));
        Assert.Contains(steps, step => step - 1 >= RegimeModel.DetectMultiplier);
        // The scripted model follows a detection expiry with one-second steps (Down, Init); the live one does not.
        var afterExpiry = steps.FindIndex(step => step - 1 >= RegimeModel.DetectMultiplier) + 1;
        Assert.Contains(steps.Skip(afterExpiry).Take(40), step => step == 1);
    }
}
