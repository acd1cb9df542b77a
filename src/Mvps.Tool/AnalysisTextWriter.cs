using System.Globalization;
using System.Text;
using Mvps.Evidence.Analysis;
using static Mvps.IO.Invariant;

namespace Mvps.Tool;

/// <summary>`mvps analyze` for a person: the reference's false alarms, then per capture and session the figures that matter.</summary>
internal static class AnalysisTextWriter
{
    public static string Format(MahalanobisAnalyzer analyzer, CaptureScore reference, IReadOnlyList<CaptureScore> captures)
    {
        var text = new StringBuilder();
        Line(text, $"reference {reference.DisplayName}: {reference.Frames} frames, {reference.Sessions.Count} session(s), alpha {analyzer.Alpha.ToString("R", CultureInfo.InvariantCulture)}, scored leave-one-out");
        foreach (var session in reference.Sessions)
        {
            Line(text, $"  {session.Session}: n {session.Reference.Count}, threshold {Number(session.Threshold)} (n - 1 = {session.ReferenceCount}), max D2 {MaxText(session)}, false alarms {session.Alarms} of {session.Frames.Count}");
        }

        foreach (var capture in captures.Where(c => !c.IsReference))
        {
            Line(text, $"{capture.DisplayName}: {capture.Frames} frames in {capture.Sessions.Count} session(s), {capture.Alarms} alarm(s){(capture.Skipped > 0 ? I($", {capture.Skipped} record(s) skipped (not clean authenticated MVPS frames)") : "")}");
            foreach (var session in capture.Sessions)
            {
                var onset = session.OnsetTick < 0
                    ? ""
                    : I($", attack onset tick {session.OnsetTick}, detection delay {(session.DetectionDelayTicks is long delay ? I($"{delay} ticks") : "none (no alarm)")}, alarms before onset {session.AlarmsBeforeOnset}");
                Line(text, $"  {session.Session}: {session.Frames.Count} frames, threshold {Number(session.Threshold)} (n {session.ReferenceCount}), {session.Alarms} alarm(s), first alarm tick {(session.FirstAlarmTick is long first ? first.ToString(CultureInfo.InvariantCulture) : "none")}{onset}, max D2 {MaxText(session)}");
            }

            if (capture.Sessions.Count > 1)
            {
                var firstBundle = capture.Bundle.Where(t => t.Alarm).Select(t => (long?)t.Tick).FirstOrDefault();
                Line(text, $"  bundle: {capture.Bundle.Count} ticks, {capture.BundleAlarms} alarmed (joint p < alpha), first alarm tick {(firstBundle is long b ? b.ToString(CultureInfo.InvariantCulture) : "none")}");
            }

            foreach (var session in capture.Sessions)
            {
                Line(text, $"  {session.Session} per frame (tick D2 alarm):");
                foreach (var frame in session.Frames)
                {
                    Line(text, $"    {frame.Frame.Tick} {Number(frame.DistanceSquared)}{(frame.Alarm ? " ALARM" : "")}");
                }
            }
        }

        return text.ToString();
    }

    private static string MaxText(SessionScore session) =>
        session.Max is ScoredFrame max ? $"{Number(max.DistanceSquared)} at tick {max.Frame.Tick.ToString(CultureInfo.InvariantCulture)}" : "none";

    /// <summary>Three decimals, invariant: fixed digits for people; --json has every bit.</summary>
    public static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, FormattableString line) => text.Append(I(line)).Append('\n');
}
