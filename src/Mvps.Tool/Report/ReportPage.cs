using System.Globalization;
using System.Text;
using System.Text.Json;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.Evidence.Analysis;
using Mvps.Evidence.Receipt;
using Mvps.Evidence.Regimes;
using Mvps.Evidence.Verification;
using Mvps.IO;
using static Mvps.IO.Invariant;

namespace Mvps.Tool.Report;

/// <summary>One run of the evidence pipeline whose files the determinism matrix lists, with what the run varied (its settings.json).</summary>
internal sealed record ReportRun(string Name, string Folder, IReadOnlyList<string> Variations);

/// <summary>
/// The evidence report page: one self-contained HTML file (inline CSS and SVG, no script, no font or request from
/// anywhere), reproducible byte for byte — no clock, invariant fixed number formats, nothing measured from fonts.
/// </summary>
internal static class ReportPage
{
    /// <summary>The files of an evidence folder, in the order the page lists them.</summary>
    public static readonly string[] EvidenceFiles = [RegimeProfile.Baseline.FileName, RegimeProfile.Ddos.FileName, ReceiptWriter.FileName];

    public static string Build(
        IReadOnlyList<(RegimeProfile Profile, CaptureScore Score)> scores,
        MahalanobisAnalyzer analyzer,
        string evidenceFolder,
        IReadOnlyList<(string Name, long Bytes, string Sha256)> downloads,
        IReadOnlyList<ReportRun> runs,
        IReadOnlyList<string> matrixFiles,
        IReadOnlyList<(string Name, string Why)>? notRun = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // No script, no external anything: the policy makes the browser refuse a request even if one slipped in.
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        html.Append("<title>MVPS Coherence-BFD evidence report</title>\n<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n");

        html.Append("<header><h1>MVPS Coherence-BFD evidence</h1>\n");
        html.Append("<p class=\"lead\">Two packet captures that anyone can reproduce byte for byte, what the frames in them say, and how far apart the two network regimes are.</p></header>\n");

        Section(html, "what", "What this is");
        html.Append("<p>MVPS Coherence-BFD extends a BFD Control packet (RFC 5880) with a coherence vector: each vantage sends, on a shared 100 ms tick lattice, the tick id k, its phase residual φ against the lattice in nanoseconds and three coherence values C1 (causal), C2 (semantic) and C3 (byzantine) in [0, 1], authenticated by a truncated HMAC-SHA256 tag. A network of vantages compares each vector with a reference by the Mahalanobis distance D²; a frame whose D² exceeds the T² threshold is an alarm.</p>\n");
        html.Append("<p>The two captures below were generated from a regime model and a seed: a healthy <b>baseline</b> and the D-4 <b>DDoS</b> scenario, 30 frames each. Every number on this page is computed from their bytes with IEEE basic operations only, so every machine writes the same page. The wire format is in <code>docs/wire-format.md</code>, the regimes in <code>docs/regimes.md</code>, the statistics in <code>docs/analysis.md</code>.</p>\n");
        html.Append("</section>\n");

        Section(html, "downloads", "Downloads");
        html.Append("<table class=\"downloads\"><thead><tr><th>file</th><th class=\"num\">bytes</th><th>SHA-256</th></tr></thead><tbody>\n");
        foreach (var (name, bytes, sha256) in downloads)
        {
            html.Append(I($"<tr><td><a href=\"{Escape(name)}\">{Escape(name)}</a></td><td class=\"num\">{bytes.ToString("#,0", CultureInfo.InvariantCulture)}</td><td><code>{sha256}</code></td></tr>\n"));
        }

        html.Append("</tbody></table>\n<p>Check them with <code>sha256sum</code>; the receipt states the same digests and the commands of the validation recipe below.</p>\n</section>\n");

        foreach (var (profile, score) in scores)
        {
            Regime(html, profile, score);
        }

        Section(html, "frame0", "Frame 0 of mvps_baseline.pcap, field by field");
        html.Append(HexDump.Build(Path.Combine(evidenceFolder, RegimeProfile.Baseline.FileName)));
        html.Append("</section>\n");

        if (runs.Count > 0)
        {
            DeterminismMatrix(html, runs, matrixFiles, notRun ?? []);
        }

        Recipe(html, Path.Combine(evidenceFolder, ReceiptWriter.FileName));
        html.Append(I($"<footer><p>Written by <code>mvps report</code>. Reference model: mean and unbiased covariance of {analyzer.Reference.Frames.Count} baseline frames, α = {analyzer.Alpha.ToString("R", CultureInfo.InvariantCulture)}. The page has no script and loads nothing.</p></footer>\n"));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Regime(StringBuilder html, RegimeProfile profile, CaptureScore score)
    {
        Section(html, "regime-" + profile.Name, I($"{profile.Name}: {profile.FileName}"));
        html.Append(I($"<p>{Escape(profile.Description)}.</p>\n"));
        foreach (var session in score.Sessions)
        {
            var onset = session.OnsetTick < 0 ? "" : I($", attack onset at tick {session.OnsetTick}, first alarm {(session.DetectionDelayTicks is long d ? d + " tick(s) after it" : "never")}, {session.AlarmsBeforeOnset} alarm(s) before it");
            var max = session.Max is ScoredFrame m ? I($"{m.DistanceSquared.ToString("0.000", CultureInfo.InvariantCulture)} at tick {m.Frame.Tick}") : "none";
            html.Append(I($"<p class=\"summary\" data-session=\"{session.Session.VantageId}\"><b>{Escape(session.Session.ToString())}</b>: {session.Frames.Count} frames, threshold T²crit = {session.Threshold.ToString("0.000", CultureInfo.InvariantCulture)} for n = {session.ReferenceCount}{(session.LeaveOneOut ? " (scored leave-one-out: each frame against the other n − 1)" : "")}, <b>{session.Alarms} alarm(s)</b>{onset}, max D² {max}.</p>\n"));
        }

        html.Append("<div class=\"charts\">\n").Append(RegimeCharts.Build("chart-" + profile.Name, profile, score)).Append("</div>\n");
        html.Append("<p class=\"legend\"><span class=\"key k-c1\"></span>C1 <span class=\"key k-c2\"></span>C2 <span class=\"key k-c3\"></span>C3 <span class=\"key k-up\"></span>Up <span class=\"key k-init\"></span>Init <span class=\"key k-down\"></span>Down <span class=\"key k-gap\"></span>lost ticks");
        html.Append(profile.Regime == Evidence.Regimes.Regime.Ddos ? " <span class=\"key k-onset\"></span>onset <span class=\"key k-peak\"></span>peak <span class=\"key k-mitigation\"></span>mitigation" : "");
        html.Append("</p>\n");

        html.Append(I($"<table class=\"d2\" id=\"table-{profile.Name}\"><thead><tr><th class=\"num\">frame</th><th class=\"num\">tick</th><th class=\"num\">φ ns</th><th class=\"num\">C1</th><th class=\"num\">C2</th><th class=\"num\">C3</th><th>BFD</th><th>phase</th><th class=\"num\">D²</th><th>alarm</th></tr></thead><tbody>\n"));
        var count = score.Frames;
        foreach (var f in score.Sessions.SelectMany(s => s.Frames).OrderBy(f => f.Frame.Index))
        {
            var v = f.Frame.Vector;
            html.Append(I($"<tr{(f.Alarm ? " class=\"alarm\"" : "")}><td class=\"num\">{f.Frame.Index}</td><td class=\"num\">{f.Frame.Tick}</td><td class=\"num\">{v.PhiNanoseconds.ToString("0", CultureInfo.InvariantCulture)}</td><td class=\"num\">{RegimeCharts.Fixed6(v.C1)}</td><td class=\"num\">{RegimeCharts.Fixed6(v.C2)}</td><td class=\"num\">{RegimeCharts.Fixed6(v.C3)}</td><td>{f.Frame.State}</td><td>{profile.AttackPhase(f.Frame.Index, count)}</td><td class=\"num\" data-d2=\"{f.DistanceSquared.ToString("R", CultureInfo.InvariantCulture)}\">{f.DistanceSquared.ToString("0.000", CultureInfo.InvariantCulture)}</td><td>{(f.Alarm ? "ALARM" : "")}</td></tr>\n"));
        }

        html.Append("</tbody></table>\n</section>\n");
    }

    private static void DeterminismMatrix(StringBuilder html, IReadOnlyList<ReportRun> runs, IReadOnlyList<string> files, IReadOnlyList<(string Name, string Why)> notRun)
    {
        Section(html, "determinism", "Determinism matrix");
        html.Append("<p>Every run of <code>./build.sh Evidence</code> generated the evidence under different settings, instruction sets and code generators (docs/build.md); each cell is the SHA-256 of that run's file.</p>\n");
        html.Append("<table class=\"matrix\"><thead><tr><th>run</th><th>what it varied</th>");
        foreach (var file in files)
        {
            html.Append(I($"<th>{Escape(file)}</th>"));
        }

        html.Append("</tr></thead><tbody>\n");
        var digests = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            html.Append(I($"<tr><th>{Escape(run.Name)}</th><td class=\"varied\">{string.Join("; ", run.Variations.Select(Escape))}</td>"));
            foreach (var file in files)
            {
                var path = Path.Combine(run.Folder, file);
                // Only a regular file is opened: a FIFO or a link to a device in a run folder must not hang the page.
                var digest = FileKind.Of(path) == FileKindValue.Regular ? Sha256Text.OfFile(path) : "missing";
                (digests.TryGetValue(file, out var set) ? set : digests[file] = new HashSet<string>(StringComparer.Ordinal)).Add(digest);
                html.Append(I($"<td><code title=\"{digest}\">{(digest.Length > 16 ? digest[..16] + "…" : digest)}</code></td>"));
            }

            html.Append("</tr>\n");
        }

        foreach (var (name, why) in notRun)
        {
            html.Append(I($"<tr class=\"not-run\"><th>{Escape(name)}</th><td colspan=\"{files.Count + 1}\">not run here: {Escape(why)}</td></tr>\n"));
        }

        var identical = files.All(file => digests[file].Count == 1 && !digests[file].Contains("missing"));
        var notRunText = notRun.Count == 0 ? "" : I($" {notRun.Count} run{(notRun.Count == 1 ? "" : "s")} not made on this machine: {string.Join(", ", notRun.Select(item => Escape(item.Name)))}.");
        html.Append(I($"</tbody></table>\n<p class=\"verdict {(identical ? "same" : "differ")}\">{runs.Count} runs × {files.Count} files: {(identical ? "all identical" : "DIFFERENT")}.{notRunText}</p>\n</section>\n"));
    }

    private static void Recipe(StringBuilder html, string receiptPath)
    {
        Section(html, "recipe", "Check it yourself: the validation recipe");
        html.Append("<p>Run from the repository root (the receipt's <code>validation</code> array, with the exact output each command prints):</p>\n<ol class=\"recipe\">\n");
        JsonDocument? recipe;
        try
        {
            // Streamed: only the "validation" array is held, whatever the receipt's size.
            recipe = ValidationRecipeReader.Read(receiptPath);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{DisplayName.Of(receiptPath)}: not a JSON receipt ({e.Message})");
        }

        using var document = recipe;
        if (recipe?.RootElement is { ValueKind: JsonValueKind.Array } steps)
        {
            foreach (var step in steps.EnumerateArray())
            {
                var claim = Text(step, "claim");
                var command = Text(step, "command");
                var expected = Text(step, "expectedOutput");
                html.Append(I($"<li><p>{Escape(claim)}</p><pre class=\"command\">{Escape(command)}</pre><pre class=\"expected\">{Escape(expected)}</pre></li>\n"));
            }
        }

        html.Append("</ol>\n</section>\n");
    }

    /// <summary>A string member of a recipe step, or "" when absent or not a string (a hand-edited receipt is not trusted).</summary>
    private static string Text(JsonElement step, string name) =>
        step.ValueKind == JsonValueKind.Object && step.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static void Section(StringBuilder html, string id, string title) => html.Append(I($"<section id=\"{id}\">\n<h2>{Escape(title)}</h2>\n"));

    private static string Escape(string text) => SvgChart.Escape(text);
}
