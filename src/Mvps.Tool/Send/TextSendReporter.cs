using System.Globalization;
using System.Net;
using Mvps.Codec.Wire;
using static Mvps.IO.Invariant;

namespace Mvps.Tool.Send;

/// <summary>One line per event on stdout, then a summary block.</summary>
internal sealed class TextSendReporter(TextWriter output) : ISendReporter
{
    public void Started(SendOptions options, IPEndPoint source, int receiveBufferBytes) => output.WriteLine(I(
        $"mvps send: {source} -> {options.Peer}:{WireConstants.UdpDestinationPort}, regime {options.Regime.Name}, {options.Ticks} ticks of {options.LatticeUs} us, My Discriminator 0x{options.MyDiscriminator:x8}, receive buffer {receiveBufferBytes} bytes"));

    public void Transition(in SessionTransition t, long tick)
    {
        var local = t.PreviousLocalState == t.LocalState ? I($"local {t.LocalState}") : I($"local {t.PreviousLocalState} -> {t.LocalState}");
        output.WriteLine(I(
            $"tick {tick}: {local}, remote {t.RemoteState}, diag {(int)t.LocalDiagnostic} ({SendText.Diagnostic(t.LocalDiagnostic)}), my 0x{t.LocalDiscriminator:x8}, your 0x{t.RemoteDiscriminator:x8} ({t.Cause})"));
        output.Flush();
    }

    public void Rejected(PacketVerdict verdict, IPEndPoint sender, long tick, bool lastListed)
    {
        output.WriteLine(I($"tick {tick}: packet from {sender} discarded: {SendText.Verdict(verdict)}{(lastListed ? " (further packets discarded for this reason are counted, not listed)" : "")}"));
        output.Flush();
    }

    public void Finished(SendSummary s)
    {
        output.WriteLine(I($"sent {s.PacketsSent} packets (ticks {s.FirstTick}..{s.LastTick}; {s.LostTicks} lost ticks silent, {s.HeldTicks} held by the negotiated interval; {s.PollsSent} with Poll, {s.FinalsSent} with Final)"));
        output.WriteLine(I($"received {s.PacketsReceived} packets from the peer's address, {s.Discarded.Total} discarded{SendText.Discards(s.Discarded)}; {s.KernelDrops} dropped by the kernel (receive buffer full); {s.PacketsFromOthers} from other hosts ignored"));
        output.WriteLine(I($"session: {(s.ReachedUp ? "reached Up" : "never came Up")}, {s.UpTransitions} time(s) Up, {s.DownTransitions} time(s) down from Up, ended {s.FinalState}{(s.Interrupted ? " (interrupted)" : "")}, peer discriminator 0x{s.RemoteDiscriminator:x8}"));
        output.WriteLine(I($"send time vs schedule (tick + phi): mean |error| {Us(s.SendError.MeanNs)} us, max {Us(s.SendError.MaxNs)} us; poll(2) alone wakes {Us(s.WakeLateness.MeanNs)} us late on average, max {Us(s.WakeLateness.MaxNs)} us ({s.WakeLateness.Count} waits)"));
        if (s.SendErrorAfterDiscards.Count > 0)
        {
            output.WriteLine(I($"  {s.SendErrorAfterDiscards.Count} packets sent after discards since the previous send: mean |error| {Us(s.SendErrorAfterDiscards.MeanNs)} us, max {Us(s.SendErrorAfterDiscards.MaxNs)} us; {s.SendErrorQuiet.Count} others: mean {Us(s.SendErrorQuiet.MeanNs)} us, max {Us(s.SendErrorQuiet.MaxNs)} us"));
        }

        output.WriteLine(s.ExitCode == ExitCodes.Ok ? "result: OK"
            : s.ReachedUp ? "result: FAILED, datagrams from the peer's address were discarded (RFC 5880 §6.8.6, RFC 5881 §5 or the Coherence extension)"
            : "result: FAILED, the session never came Up");
        output.Flush();
    }

    private static string Us(long nanoseconds) => (nanoseconds / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);
}
