using System.Text.Encodings.Web;
using System.Text.Json;
using Mvps.Evidence.Analysis;
using Mvps.IO;

namespace Mvps.Tool;

/// <summary>
/// `mvps analyze --json`: one document, properties in a fixed order, numbers in the shortest form that
/// round-trips (the same bits give the same text on every machine), LF line ends.
/// </summary>
internal static class AnalysisJsonWriter
{
    public static void Write(Stream output, MahalanobisAnalyzer analyzer, CaptureScore reference, IReadOnlyList<CaptureScore> captures)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(LfLineEnds.For(buffer), new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("model");
            json.WriteStartArray("vector");
            foreach (var name in CoherenceVector.Names)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteNumber("alpha", analyzer.Alpha);
            json.WriteString("statistic", "D2 = (x - mu)' Sigma^-1 (x - mu), Sigma unbiased (n - 1); variables standardised, Cholesky of the correlation matrix");
            json.WriteString("threshold", "T2crit = p(n-1)(n+1)/(n(n-p)) * F(p, n-p; 1-alpha); alarm when D2 > T2crit");
            json.WriteString("reference", "scored leave-one-out: mu, Sigma from the other n - 1 frames, threshold for n - 1");
            json.WriteString("bundle", "per tick: Tippett's p = 1 - (1 - min u)^m over the m vantages present, u the exact per-vantage p-value; alarm when p < alpha");
            json.WriteEndObject();

            json.WritePropertyName("reference");
            WriteCapture(json, reference, withModel: true);
            json.WriteStartArray("captures");
            foreach (var capture in captures)
            {
                WriteCapture(json, capture, withModel: false);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        buffer.WriteTo(output);
    }

    private static void WriteCapture(Utf8JsonWriter json, CaptureScore capture, bool withModel)
    {
        json.WriteStartObject();
        json.WriteString("file", capture.DisplayName);
        json.WriteBoolean("isReference", capture.IsReference);
        json.WriteNumber("frames", capture.Frames);
        json.WriteNumber("skippedRecords", capture.Skipped);
        json.WriteNumber("alarms", capture.Alarms);
        json.WriteStartArray("sessions");
        foreach (var session in capture.Sessions)
        {
            WriteSession(json, session, withModel);
        }

        json.WriteEndArray();
        json.WriteStartObject("bundle");
        json.WriteNumber("ticks", capture.Bundle.Count);
        json.WriteNumber("alarms", capture.BundleAlarms);
        WriteNullable(json, "firstAlarmTick", capture.Bundle.Where(t => t.Alarm).Select(t => (long?)t.Tick).FirstOrDefault());
        json.WriteStartArray("perTick");
        foreach (var tick in capture.Bundle)
        {
            json.WriteStartObject();
            json.WriteNumber("tick", tick.Tick);
            json.WriteNumber("vantages", tick.Vantages);
            json.WriteNumber("alarmedVantages", tick.AlarmedVantages);
            json.WriteNumber("sumD2", tick.SumDistanceSquared);
            json.WriteNumber("pValue", tick.PValue);
            json.WriteBoolean("alarm", tick.Alarm);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSession(Utf8JsonWriter json, SessionScore session, bool withModel)
    {
        json.WriteStartObject();
        json.WriteNumber("vantageId", session.Session.VantageId);
        json.WriteString("myDiscriminator", "0x" + session.Session.MyDiscriminator.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("frames", session.Frames.Count);
        json.WriteNumber("referenceFrames", session.ReferenceCount);
        json.WriteBoolean("leaveOneOut", session.LeaveOneOut);
        json.WriteNumber("threshold", session.Threshold);
        json.WriteNumber("alarms", session.Alarms);
        json.WriteNumber("alarmsBeforeOnset", session.AlarmsBeforeOnset);
        WriteNullable(json, "firstAlarmTick", session.FirstAlarmTick);
        WriteNullable(json, "onsetTick", session.OnsetTick < 0 ? null : session.OnsetTick);
        WriteNullable(json, "detectionDelayTicks", session.DetectionDelayTicks);
        if (session.Max is ScoredFrame max)
        {
            json.WriteNumber("maxD2", max.DistanceSquared);
            json.WriteNumber("maxD2Tick", max.Frame.Tick);
        }

        if (withModel)
        {
            json.WriteStartArray("mean");
            for (var i = 0; i < CoherenceVector.Dimension; i++)
            {
                json.WriteNumberValue(session.Reference.Mean(i));
            }

            json.WriteEndArray();
            json.WriteStartArray("covariance");
            for (var i = 0; i < CoherenceVector.Dimension; i++)
            {
                json.WriteStartArray();
                for (var j = 0; j < CoherenceVector.Dimension; j++)
                {
                    json.WriteNumberValue(session.Reference.Covariance(i, j));
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("perFrame");
        foreach (var frame in session.Frames)
        {
            json.WriteStartObject();
            json.WriteNumber("index", frame.Frame.Index);
            json.WriteNumber("tick", frame.Frame.Tick);
            json.WriteNumber("d2", frame.DistanceSquared);
            json.WriteBoolean("alarm", frame.Alarm);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, long? value)
    {
        if (value is long number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
