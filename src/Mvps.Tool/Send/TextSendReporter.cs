using System.Globalization;
using System.Net;

namespace Mvps.Tool.Send;

/// <summary>One line per event on stdout, then a summary block.</summary>
public sealed class TextSendReporter(TextWriter output) : ISendReporter
{
    public void Started(SendOptions options, IPEndPoint source) => output.WriteLine(I(
        $"mvps send: {source} -> {options.Peer}:3784, regime {options.Regime.Name}, {options.Ticks} ticks of {options.LatticeUs} us, My Discriminator 0x{options.MyDiscriminator:x8}"));

    public void Transition(in SessionTransition t, long tick)
    {
        string local = t.PreviousLocalState == t.LocalState ? I($"local {t.LocalState}") : I($"local {t.PreviousLocalState} -> {t.LocalState}");
        output.WriteLine(I(
            $"tick {tick}: {local}, remote {t.RemoteState}, diag {(int)t.LocalDiagnostic} ({SendText.Diagnostic(t.LocalDiagnostic)}), my 0x{t.LocalDiscriminator:x8}, your 0x{t.RemoteDiscriminator:x8} ({t.Cause})"));
        output.Flush();
    }

    public void Rejected(PacketVerdict verdict, IPEndPoint sender, long tick)
    {
        output.WriteLine(I($"tick {tick}: packet from {sender} discarded: {SendText.Verdict(verdict)}"));
        output.Flush();
    }

    public void Finished(SendSummary s)
    {
        output.WriteLine(I($"sent {s.PacketsSent} packets (ticks {s.FirstTick}..{s.LastTick}; {s.LostTicks} lost ticks silent, {s.HeldTicks} held by the negotiated interval; {s.PollsSent} with Poll, {s.FinalsSent} with Final)"));
        output.WriteLine(I($"received {s.PacketsReceived} packets from the peer, {s.RejectedTotal} discarded{SendText.Rejections(s)}; {s.PacketsFromOthers} from other hosts ignored"));
        output.WriteLine(I($"session: {(s.ReachedUp ? "reached Up" : "never came Up")}, {s.UpTransitions} time(s) Up, {s.DownTransitions} time(s) down from Up, ended {s.FinalState}{(s.Interrupted ? " (interrupted)" : "")}, peer discriminator 0x{s.RemoteDiscriminator:x8}"));
        output.WriteLine(I($"send time vs schedule (tick + phi): mean |error| {s.SendErrorMeanNs / 1000.0:0.0} us, max {s.SendErrorMaxNs / 1000.0:0.0} us; poll(2) alone wakes {s.WakeLatenessMeanNs / 1000.0:0.0} us late on average, max {s.WakeLatenessMaxNs / 1000.0:0.0} us ({s.WakeCount} waits)"));
        output.WriteLine(s.ExitCode == ExitCodes.Ok ? "result: OK" : s.ReachedUp ? "result: FAILED, the peer sent packets that break RFC 5880 §6.8.6" : "result: FAILED, the session never came Up");
        output.Flush();
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
