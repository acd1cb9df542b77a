using Mvps.Codec.Wire;
using Mvps.Evidence.Receipt;
using Mvps.Evidence.Regimes;

namespace Mvps.Evidence.Tests.Regimes;

/// <summary>The regimes must be told apart by their numbers (docs/regimes.md), at 30 frames and at scale.</summary>
public sealed class RegimeSeparationTests
{
    /// <summary>Frames and seed of each run: the evidence's 30 frames with its seed and with another, and 10,000 frames.</summary>
    public static TheoryData<long, ulong> Runs => new()
    {
        { 30L, 20260525UL },
        { 30L, 1UL },
        { 10_000L, 20260525UL },
    };

    private static CaptureSummary Summarize(RegimeProfile profile, long frames, ulong seed = RegimeModel.DefaultSeed)
    {
        var model = new RegimeModel(profile, seed, frames);
        var summary = new CaptureSummary();
        while (model.TryNext(out var sample))
        {
            summary.Add(sample.Fields, sample.TimestampSeconds * 1_000_000 + sample.TimestampMicroseconds);
        }

        return summary;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Baseline_is_healthy(long frames, ulong seed)
    {
        var s = Summarize(RegimeProfile.Baseline, frames, seed);

        Assert.Equal(frames, s.FramesInState(BfdState.Up));
        Assert.Equal(0, s.LostTicks);
        Assert.Equal(0, s.Alarms);
        Assert.Equal(0, s.SessionTimeouts);
        Assert.True(s.MinCoherence > 0.97f, $"min coherence {s.MinCoherence}");
        Assert.True(s.MaxAbsPhiNanoseconds <= 3_000, $"max |phi| {s.MaxAbsPhiNanoseconds}");
        Assert.True(s.MaxGapMicroseconds <= 100_010, $"max gap {s.MaxGapMicroseconds}");
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Ddos_degrades_in_every_figure(long frames, ulong seed)
    {
        var s = Summarize(RegimeProfile.Ddos, frames, seed);

        Assert.True(s.MinCoherence < 0.5f, $"min coherence {s.MinCoherence}");
        Assert.True(s.MaxAbsPhiNanoseconds > 100_000, $"max |phi| {s.MaxAbsPhiNanoseconds}");
        Assert.True(s.LostTicks > 0);
        Assert.True(s.Alarms >= frames / 2, $"alarms {s.Alarms}");
        Assert.True(s.MaxGapMicroseconds >= 300_000, $"max gap {s.MaxGapMicroseconds}");
        Assert.True(s.SessionTimeouts >= 1, "the BFD session should time out at least once");
    }

    [Fact]
    public void The_same_seed_gives_the_same_frames_and_another_seed_different_ones()
    {
        static List<FrameSample> Run(ulong seed)
        {
            var model = new RegimeModel(RegimeProfile.Ddos, seed, 200);
            var list = new List<FrameSample>();
            while (model.TryNext(out var s))
            {
                list.Add(s);
            }

            return list;
        }

        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
    }

    [Fact]
    public void Timestamps_never_go_backwards_and_ticks_always_increase()
    {
        var model = new RegimeModel(RegimeProfile.Ddos, RegimeModel.DefaultSeed, 50_000);
        var last = long.MinValue;
        uint lastTick = 0;
        while (model.TryNext(out var s))
        {
            var micros = s.TimestampSeconds * 1_000_000 + s.TimestampMicroseconds;
            Assert.True(micros > last);
            Assert.True(s.Fields.Tick > lastTick);
            last = micros;
            lastTick = s.Fields.Tick;
        }
    }
}
