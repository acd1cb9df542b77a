using System.Globalization;
using System.Text;
using Mvps.Codec.Wire;
using Mvps.Evidence.Analysis;
using Mvps.Evidence.Regimes;
using static Mvps.IO.Invariant;

namespace Mvps.Tool.Report;

/// <summary>
/// The charts of one capture over lattice ticks: φ on a symmetric log scale, C1–C3, D² (symmetric log) with the T²
/// threshold, and the BFD state strip with the lost-tick gaps; the attack phases are shaded on every chart.
/// </summary>
internal static class RegimeCharts
{
    /// <summary>φ is linear within ±1 µs, logarithmic beyond; D² within ±1.</summary>
    private const double PhiLinearNs = 1_000;
    private const double DistanceLinear = 1;

    public static string Build(string id, RegimeProfile profile, CaptureScore score)
    {
        IReadOnlyList<ScoredFrame> frames = [.. score.Sessions.SelectMany(s => s.Frames).OrderBy(f => f.Frame.Index)];
        if (frames.Count == 0)
        {
            return "<p>No frames.</p>\n";
        }

        var first = frames.Min(f => (double)f.Frame.Tick);
        var last = frames.Max(f => (double)f.Frame.Tick);
        var xMin = first - 0.5;
        var xMax = last + 0.5;
        var html = new StringBuilder();

        var phiMax = frames.Max(f => Math.Abs(f.Frame.Vector.PhiNanoseconds));
        var phiAxis = Math.Max(1, Ceiling(BasicMath.SymmetricLog(phiMax, PhiLinearNs)));
        var phi = new SvgChart(id + "-phi", "phase residual φ (ns, symmetric log scale)", 190, xMin, xMax, v => BasicMath.SymmetricLog(v, PhiLinearNs), -phiAxis, phiAxis);
        Decorate(phi, profile, frames, first, last);
        foreach (var v in SymmetricTicks(phiAxis, PhiLinearNs))
        {
            phi.YTick(v, NsLabel(v));
        }

        phi.Series("phi", "s-phi", [.. frames.Select(f => (f.Frame.Tick * 1.0, f.Frame.Vector.PhiNanoseconds, Tip(f, $"φ {f.Frame.Vector.PhiNanoseconds.ToString("0", CultureInfo.InvariantCulture)} ns")))]);
        html.Append(phi.ToSvg());

        var coherence = new SvgChart(id + "-c", "coherence C1 causal, C2 semantic, C3 byzantine", 190, xMin, xMax, v => v, 0, 1);
        Decorate(coherence, profile, frames, first, last);
        foreach (var v in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            coherence.YTick(v, v.ToString("0.00", CultureInfo.InvariantCulture));
        }

        coherence.Series("C1", "s-c1", [.. frames.Select(f => (f.Frame.Tick * 1.0, f.Frame.Vector.C1, Tip(f, "C1 " + Fixed6(f.Frame.Vector.C1))))]);
        coherence.Series("C2", "s-c2", [.. frames.Select(f => (f.Frame.Tick * 1.0, f.Frame.Vector.C2, Tip(f, "C2 " + Fixed6(f.Frame.Vector.C2))))]);
        coherence.Series("C3", "s-c3", [.. frames.Select(f => (f.Frame.Tick * 1.0, f.Frame.Vector.C3, Tip(f, "C3 " + Fixed6(f.Frame.Vector.C3))))]);
        html.Append(coherence.ToSvg());

        var d2Max = Math.Max(frames.Max(f => f.DistanceSquared), score.Sessions.Max(s => s.Threshold));
        var d2Axis = Math.Max(2, Ceiling(BasicMath.SymmetricLog(d2Max, DistanceLinear)));
        var distance = new SvgChart(id + "-d2", "Mahalanobis D² (symmetric log scale) and the T² alarm threshold", 190, xMin, xMax, v => BasicMath.SymmetricLog(v, DistanceLinear), 0, d2Axis);
        Decorate(distance, profile, frames, first, last);
        for (var decade = 0; BasicMath.SymmetricLog(Power10(decade), DistanceLinear) <= d2Axis; decade++)
        {
            distance.YTick(Power10(decade), Power10(decade).ToString("#,0", CultureInfo.InvariantCulture));
        }

        foreach (var session in score.Sessions.Take(1))
        {
            distance.HorizontalLine(session.Threshold, "threshold", $"T²crit {session.Threshold.ToString("0.000", CultureInfo.InvariantCulture)}{(session.LeaveOneOut ? " (n − 1)" : "")}");
        }

        distance.Series("D2", "s-d2", [.. frames.Select(f => (f.Frame.Tick * 1.0, f.DistanceSquared, Tip(f, $"D² {f.DistanceSquared.ToString("0.000", CultureInfo.InvariantCulture)}{(f.Alarm ? " ALARM" : "")}")))]);
        html.Append(distance.ToSvg());

        html.Append(StateStrip(id, profile, frames, xMin, xMax, first, last));
        return html.ToString();
    }

    /// <summary>BFD state per frame, held until the next frame, with the lost ticks between frames hatched.</summary>
    private static string StateStrip(string id, RegimeProfile profile, IReadOnlyList<ScoredFrame> frames, double xMin, double xMax, double first, double last)
    {
        var strip = new SvgChart(id + "-bfd", "BFD session state (Up, Init, Down) and lost ticks", 96, xMin, xMax, v => v, 0, 1);
        Decorate(strip, profile, frames, first, last);
        var cells = new StringBuilder();
        cells.Append(I($"<g class=\"series s-state\" data-series=\"state\" data-points=\"{frames.Count}\">"));
        for (var i = 0; i < frames.Count; i++)
        {
            var from = frames[i].Frame.Tick - 0.5;
            var to = i + 1 < frames.Count ? frames[i].Frame.Tick + 0.5 : xMax;
            var state = frames[i].Frame.State.ToString();
            cells.Append(I($"<rect class=\"state-{state.ToLowerInvariant()}\" x=\"{SvgChart.N(strip.X(from))}\" y=\"{SvgChart.N(strip.Y(1))}\" width=\"{SvgChart.N(strip.X(to) - strip.X(from))}\" height=\"{SvgChart.N(strip.Y(0.55) - strip.Y(1))}\"><title>tick {frames[i].Frame.Tick}: {state}</title></rect>"));
        }

        cells.Append("</g>\n");
        var gaps = 0;
        var gapCells = new StringBuilder();
        for (var i = 1; i < frames.Count; i++)
        {
            var lost = (long)frames[i].Frame.Tick - frames[i - 1].Frame.Tick - 1;
            if (lost > 0)
            {
                gaps++;
                var from = frames[i - 1].Frame.Tick + 0.5;
                var to = frames[i].Frame.Tick - 0.5;
                gapCells.Append(I($"<rect class=\"gap\" x=\"{SvgChart.N(strip.X(from))}\" y=\"{SvgChart.N(strip.Y(0.45))}\" width=\"{SvgChart.N(strip.X(to) - strip.X(from))}\" height=\"{SvgChart.N(strip.Y(0) - strip.Y(0.45))}\"><title>{lost} tick(s) without a frame after tick {frames[i - 1].Frame.Tick}</title></rect>"));
            }
        }

        cells.Append(I($"<g class=\"gaps\" data-gaps=\"{gaps}\">")).Append(gapCells).Append("</g>\n");
        strip.Raw(cells.ToString());
        return strip.ToSvg();
    }

    /// <summary>Phase bands (DDoS only) and x-axis ticks every 10 lattice ticks, relative to the first.</summary>
    private static void Decorate(SvgChart chart, RegimeProfile profile, IReadOnlyList<ScoredFrame> frames, double first, double last)
    {
        if (profile.Regime == Regime.Ddos)
        {
            var start = 0;
            for (var i = 1; i <= frames.Count; i++)
            {
                var phase = profile.AttackPhase(start, frames.Count);
                if (i == frames.Count || profile.AttackPhase(i, frames.Count) != phase)
                {
                    var from = frames[start].Frame.Tick - 0.5;
                    var to = i == frames.Count ? last + 0.5 : frames[i].Frame.Tick - 0.5;
                    var css = "phase-" + phase.Replace(' ', '-');
                    chart.Band(from, to, css, phase);
                    start = i;
                }
            }
        }

        var span = (long)(last - first);
        long step = span <= 40 ? 10 : span <= 200 ? 50 : 100;
        for (long t = 0; t <= span; t += step)
        {
            chart.XTick(first + t, "k=" + ((long)first + t).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Tip(ScoredFrame f, string what) => I($"frame {f.Frame.Index}, tick {f.Frame.Tick}: {what}");

    /// <summary>0 and ±1 µs, ±10 µs, … as far as the axis reaches.</summary>
    private static IEnumerable<double> SymmetricTicks(double axis, double linear)
    {
        yield return 0;
        for (var decade = 0; BasicMath.SymmetricLog(Power10(decade) * linear, linear) <= axis; decade++)
        {
            yield return Power10(decade) * linear;
            yield return -Power10(decade) * linear;
        }
    }

    private static string NsLabel(double ns)
    {
        var sign = ns < 0 ? "−" : "+";
        var magnitude = Math.Abs(ns);
        return magnitude switch
        {
            0 => "0",
            >= 1_000_000_000 => sign + (magnitude / 1_000_000_000).ToString("0", CultureInfo.InvariantCulture) + " s",
            >= 1_000_000 => sign + (magnitude / 1_000_000).ToString("0", CultureInfo.InvariantCulture) + " ms",
            _ => sign + (magnitude / 1_000).ToString("0", CultureInfo.InvariantCulture) + " µs",
        };
    }

    private static double Power10(int exponent) => Mvps.Evidence.Analysis.FDistribution.IntegerPower(10, exponent);

    private static double Ceiling(double value) => Math.Ceiling(value);

    public static string Fixed6(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);
}
