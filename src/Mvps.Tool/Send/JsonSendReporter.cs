using System.Net;
using System.Text.Json;

namespace Mvps.Tool.Send;

/// <summary>JSON Lines on stdout: one object per event as it happens ("start", "transition", "discarded"), then "summary".</summary>
internal sealed class JsonSendReporter(Stream output) : ISendReporter
{
    public void Started(SendOptions options, IPEndPoint source, int receiveBufferBytes) => Line(w =>
    {
        w.WriteString("event", "start");
        w.WriteString("local", source.Address.ToString());
        w.WriteNumber("sourcePort", source.Port);
        w.WriteString("peer", options.Peer.ToString());
        w.WriteString("regime", options.Regime.Name);
        w.WriteNumber("ticks", options.Ticks);
        w.WriteNumber("latticeUs", options.LatticeUs);
        w.WriteNumber("myDiscriminator", options.MyDiscriminator);
        w.WriteNumber("receiveBufferBytes", receiveBufferBytes);
    });

    public void Transition(in SessionTransition t, long tick)
    {
        var transition = t;
        Line(w =>
        {
            w.WriteString("event", "transition");
            w.WriteNumber("tick", tick);
            w.WriteString("previousLocalState", transition.PreviousLocalState.ToString());
            w.WriteString("localState", transition.LocalState.ToString());
            w.WriteString("remoteState", transition.RemoteState.ToString());
            w.WriteNumber("diagnostic", (int)transition.LocalDiagnostic);
            w.WriteString("diagnosticText", SendText.Diagnostic(transition.LocalDiagnostic));
            w.WriteNumber("myDiscriminator", transition.LocalDiscriminator);
            w.WriteNumber("yourDiscriminator", transition.RemoteDiscriminator);
            w.WriteString("cause", transition.Cause);
        });
    }

    public void Rejected(PacketVerdict verdict, IPEndPoint sender, long tick, bool lastListed) => Line(w =>
    {
        w.WriteString("event", "discarded");
        w.WriteNumber("tick", tick);
        w.WriteString("from", sender.ToString());
        w.WriteString("reason", verdict.ToString());
        w.WriteString("reasonText", SendText.Verdict(verdict));
        w.WriteBoolean("lastListed", lastListed);
    });

    public void Finished(SendSummary s) => Line(w =>
    {
        w.WriteString("event", "summary");
        w.WriteNumber("packetsSent", s.PacketsSent);
        w.WriteNumber("firstTick", s.FirstTick);
        w.WriteNumber("lastTick", s.LastTick);
        w.WriteNumber("lostTicks", s.LostTicks);
        w.WriteNumber("heldTicks", s.HeldTicks);
        w.WriteNumber("pollsSent", s.PollsSent);
        w.WriteNumber("finalsSent", s.FinalsSent);
        w.WriteNumber("packetsReceived", s.PacketsReceived);
        w.WriteNumber("packetsDiscarded", s.Discarded.Total);
        w.WriteStartObject("discardedBy");
        foreach (var reason in DiscardCounts.Reasons)
        {
            w.WriteNumber(reason.ToString(), s.Discarded[reason]);
        }

        w.WriteEndObject();
        w.WriteNumber("kernelDrops", s.KernelDrops);
        w.WriteNumber("packetsFromOthers", s.PacketsFromOthers);
        w.WriteBoolean("reachedUp", s.ReachedUp);
        w.WriteNumber("upTransitions", s.UpTransitions);
        w.WriteNumber("downTransitions", s.DownTransitions);
        w.WriteString("finalState", s.FinalState.ToString());
        w.WriteBoolean("interrupted", s.Interrupted);
        w.WriteNumber("remoteDiscriminator", s.RemoteDiscriminator);
        w.WriteNumber("sendErrorMeanNs", s.SendError.MeanNs);
        w.WriteNumber("sendErrorMaxNs", s.SendError.MaxNs);
        WriteTimingError(w, "sendsAfterDiscards", "sendErrorAfterDiscardsMeanNs", "sendErrorAfterDiscardsMaxNs", s.SendErrorAfterDiscards);
        WriteTimingError(w, "sendsQuiet", "sendErrorQuietMeanNs", "sendErrorQuietMaxNs", s.SendErrorQuiet);
        WriteTimingError(w, "pollWaits", "pollLatenessMeanNs", "pollLatenessMaxNs", s.WakeLateness);
        w.WriteNumber("exitCode", s.ExitCode);
    });

    /// <summary>A <see cref="TimingError"/> as count, mean and maximum (the send error over every packet has no count of its own: it is "packetsSent").</summary>
    private static void WriteTimingError(Utf8JsonWriter w, string countName, string meanName, string maxName, TimingError error)
    {
        w.WriteNumber(countName, error.Count);
        w.WriteNumber(meanName, error.MeanNs);
        w.WriteNumber(maxName, error.MaxNs);
    }

    private void Line(Action<Utf8JsonWriter> body)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        output.Flush();
    }
}
