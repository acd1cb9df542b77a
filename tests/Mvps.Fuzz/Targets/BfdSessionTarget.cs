using Mvps.Tool.Send;
using Mvps.Codec.Wire;

namespace Mvps.Fuzz;

/// <summary>
/// One RFC 5880 session receiving what a peer (or an attacker) sends. The input is a script of steps, each
/// [op][length][length bytes of UDP payload]: the op's low two bits pick receive, receive then check the
/// detection timer, check the timer only, or go AdminDown; its high six bits advance the clock in 50 ms units.
/// Receiving must not throw, and after every step the session must hold RFC 5880's rules: a rejected packet
/// changes nothing, the transitions chain, P and F are never sent together, the slow rate holds while not Up.
/// </summary>
public sealed class BfdSessionTarget : IFuzzTarget
{
    /// <summary>Our discriminator in the session under test; seed packets address it as Your Discriminator.</summary>
    public const uint LocalDiscriminator = 0x4D565053;

    public const long FixedBudget = 1L << 20;

    /// <summary>Per input byte: at most one transition (a record and maybe its cause text) per two-byte step.</summary>
    public const long BudgetPerInputByte = 128;

    private const long StepUs = 50_000;

    private static readonly BfdSessionSettings Settings = new(LocalDiscriminator, DetectMultiplier: 3, DesiredMinTxIntervalUs: 300_000, RequiredMinRxIntervalUs: 300_000);

    public void Check(byte[] input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var session = new BfdSession(Settings);
        long now = 0;
        var adminDown = false;
        var seen = new TransitionsSeen();
        var at = 0;
        while (at + 2 <= input.Length)
        {
            var op = input[at];
            var length = Math.Min(input[at + 1], input.Length - at - 2);
            ReadOnlySpan<byte> payload = input.AsSpan(at + 2, length);
            at += 2 + length;
            now += (op >> 2) * StepUs;

            var state = session.State;
            var remote = session.RemoteDiscriminator;
            var transitions = session.Transitions.Count;
            switch (op & 3)
            {
                case 0:
                case 1:
                    var verdict = session.Receive(payload, now);
                    if (verdict.IsRejection())
                    {
                        FuzzFinding.Require(session.State == state && session.RemoteDiscriminator == remote && session.Transitions.Count == transitions,
                            $"a packet rejected as {verdict} changed the session");
                    }
                    else
                    {
                        FuzzFinding.Require(payload.Length >= WireConstants.BfdLength, $"a {payload.Length}-byte packet accepted");
                        FuzzFinding.Require(session.RemoteDiscriminator == BfdSession.ReadControlPacket(payload).MyDiscriminator, "an accepted packet whose discriminator was not learnt");
                        FuzzFinding.Require(verdict == PacketVerdict.IgnoredWhileAdminDown == adminDown, $"verdict {verdict} while AdminDown is {adminDown}");
                    }

                    if ((op & 3) == 1)
                    {
                        session.CheckDetection(now);
                    }

                    break;
                case 2:
                    session.CheckDetection(now);
                    break;
                default:
                    session.AdministrativelyDown(now);
                    adminDown = true;
                    break;
            }

            RequireRules(session, adminDown, ref seen);
        }

        FuzzFinding.WithinBudget(before, FixedBudget + (BudgetPerInputByte * input.Length), $"a script of {input.Length} bytes");
    }

    /// <summary>How many transitions were already checked, and whether one of them went Up (kept so each step costs O(1)).</summary>
    private struct TransitionsSeen
    {
        public int Count;
        public bool WentUp;
    }

    private static void RequireRules(BfdSession session, bool adminDown, ref TransitionsSeen seen)
    {
        FuzzFinding.Require((session.State == BfdState.AdminDown) == adminDown, $"state {session.State} with AdminDown {adminDown}");
        FuzzFinding.Require(session.State == BfdState.Up || session.DesiredMinTxIntervalUs >= BfdControlPacket.SlowTxIntervalUs,
            $"desired transmit interval {session.DesiredMinTxIntervalUs} us while {session.State} (RFC 5880 §6.8.3: at least 1 s)");
        FuzzFinding.Require(session.TransmitIntervalUs >= 1 && session.DetectionTimeUs >= 0, "a negative interval");

        var transitions = session.Transitions;
        for (; seen.Count < transitions.Count; seen.Count++)
        {
            var transition = transitions[seen.Count];
            var previous = seen.Count == 0 ? BfdState.Down : transitions[seen.Count - 1].LocalState;
            FuzzFinding.Require(transition.PreviousLocalState == previous, $"transition {seen.Count} starts from {transition.PreviousLocalState}, not {previous}");
            seen.WentUp |= transition.LocalState == BfdState.Up;
        }

        FuzzFinding.Require(transitions.Count == 0 || transitions[^1].LocalState == session.State, "the last transition is not to the current state");
        FuzzFinding.Require(session.HasBeenUp == seen.WentUp, $"HasBeenUp {session.HasBeenUp} while a transition to Up was {(seen.WentUp ? "" : "not ")}seen");

        var next = session.NextPacket();
        FuzzFinding.Require(next.Version == WireConstants.BfdVersion && next.Length == WireConstants.BfdLength
            && next.MyDiscriminator == LocalDiscriminator && next.DetectMultiplier == Settings.DetectMultiplier && next.State == session.State,
            $"an outgoing packet with wrong constants: {next}");
        FuzzFinding.Require((next.Flags & (BfdFlags.Poll | BfdFlags.Final)) != (BfdFlags.Poll | BfdFlags.Final), "P and F sent together");
        FuzzFinding.Require(next.YourDiscriminator == session.RemoteDiscriminator, "an outgoing packet that does not echo the peer's discriminator");
    }
}
