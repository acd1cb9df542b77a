namespace Mvps.Codec.Verification;

/// <summary>
/// Folds checked batches, in frame order, into a <see cref="CaptureVerdict"/>, and settles the one check a
/// batch cannot do alone: whether its first ticked frame follows the last tick of the batches before it.
/// The result equals that of checking the frames one by one.
/// </summary>
internal sealed class VerdictMerger(CaptureVerdict verdict)
{
    private uint? _lastTick;

    public void Merge(RecordBatch batch)
    {
        FrameIssue? boundary = null;
        if (batch.HasTick && _lastTick is uint previous && batch.FirstTick <= previous)
        {
            boundary = FrameIssue.From(batch.FirstTickFrameIndex, batch.FirstTickRecordOffset,
                BatchChecker.TickOrderProblem(batch.FirstTick, previous));
        }

        var issues = batch.Issues;
        for (int i = 0; i < issues.Count; i++)
        {
            if (boundary is FrameIssue early && i == batch.FirstTickIssuePosition)
            {
                verdict.Add(early);
                boundary = null;
            }

            verdict.Add(issues[i]);
        }

        // Past the kept issues: if issues were dropped, the verdict is already full, so only the count matters.
        if (boundary is FrameIssue late)
        {
            verdict.Add(late);
        }

        verdict.AddUnkeptIssues(batch.IssuesNotKept);
        verdict.FramesWithProblems += batch.FramesWithProblems
            + (batch.HasTick && _lastTick is uint last && batch.FirstTick <= last && !batch.FirstTickFrameHasProblems ? 1 : 0);
        verdict.Frames += batch.Count;
        if (batch.HasTick)
        {
            _lastTick = batch.LastTick;
        }
    }
}
