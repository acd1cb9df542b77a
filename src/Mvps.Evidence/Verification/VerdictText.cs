using System.Text;
using Mvps.Codec.Wire;
using static Mvps.IO.Invariant;

namespace Mvps.Evidence.Verification;

/// <summary>
/// The words of a verdict, in one place for `mvps verify` and its tests. Strict mode keeps the evidence's
/// lines exactly ("OK, 30 frames"), since the receipt's validation recipe states them.
/// </summary>
public static class VerdictText
{
    /// <summary>The class counts, largest class first after MVPS, e.g. "30 MVPS (1 session), 30 BFD without extension, 1 ARP".</summary>
    internal static string ClassCounts(CaptureVerdict verdict)
    {
        var text = new StringBuilder();
        var mvps = verdict.CountOf(RecordClass.Mvps);
        if (mvps > 0)
        {
            var sessions = verdict.Sessions.Count;
            text.Append(I($"{mvps:N0} MVPS ({sessions:N0} session{(sessions == 1 ? "" : "s")})"));
        }

        // Fixed order of the enum, not of the counts, so two runs on similar files read alike.
        for (var c = 1; c < RecordClasses.Count; c++)
        {
            var count = verdict.ClassCounts[c];
            if (count == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(", ");
            }

            var kind = (RecordClass)c;
            text.Append(I($"{count:N0} {RecordClasses.Name(kind)}"));
            if (kind == RecordClass.CapturedTruncated && verdict.FirstTruncatedNeeded > 0)
            {
                text.Append(I($" (cannot verify, captured {verdict.FirstTruncatedCaptured} of {verdict.FirstTruncatedNeeded} bytes)"));
            }
        }

        return text.Length == 0 ? "none" : text.ToString();
    }

    /// <summary>The first line of a file's report.</summary>
    public static string Headline(CaptureVerdict verdict)
    {
        var receiptNote = verdict.ReceiptChecked ? ", receipt matches" : "";
        if (verdict.Mode == VerificationMode.Strict)
        {
            return verdict.Passed
                ? I($"{verdict.DisplayName}: OK, {verdict.Frames} frames{receiptNote}")
                : I($"{verdict.DisplayName}: FAILED, {verdict.Frames} frames, {verdict.FramesWithProblems} with problems, {verdict.IssueCount} problem(s)");
        }

        var warnings = verdict.ChecksumWarnings == 0
            ? ""
            : I($"; {verdict.ChecksumWarnings:N0} checksum warning(s): MVPS frames with a wrong IPv4 or UDP checksum, as checksum offload on the capturing host leaves them (--strict fails them)");
        if (verdict.DuplicateCopies > 0)
        {
            warnings += I($"; {verdict.DuplicateCopies:N0} duplicate copies: the same MVPS frame captured twice in a row (one interface seen from two capture points)");
        }

        return verdict.Passed
            ? I($"{verdict.DisplayName}: OK, {verdict.Frames:N0} records: {ClassCounts(verdict)}{warnings}")
            : I($"{verdict.DisplayName}: FAILED, {verdict.Frames:N0} records: {ClassCounts(verdict)}; {verdict.FramesWithProblems:N0} with problems, {verdict.IssueCount:N0} problem(s){warnings}");
    }
}
