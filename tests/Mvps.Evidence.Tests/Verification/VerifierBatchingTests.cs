using System.Globalization;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.Evidence.Verification;

namespace Mvps.Evidence.Tests.Verification;

/// <summary>
/// Batching and threads must not change a verdict: compared with a frame-by-frame reference (the verifier as
/// it was before batching), with tick-order breaks placed exactly on batch boundaries, a frame with its own
/// problems plus a boundary break, undecodable frames, and more issues than a verdict keeps.
/// </summary>
public sealed class VerifierBatchingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Verdict_is_the_same_for_any_thread_count_and_equals_the_frame_by_frame_reference(int threads)
    {
        var batch = RecordBatch.MaxRecords;
        var path = WriteCapture(3 * batch + 100, index => index switch
        {
            _ when index == batch => Edit.TickBack,                       // first frame of batch 2, clean otherwise
            _ when index == 2 * batch => Edit.TickBackAndTtl,             // own problem, then the boundary break
            _ when index == 2 * batch + 1 => Edit.Truncated,
            _ when index == 3 * batch - 1 => Edit.Truncated,              // last frame of batch 3 has no tick
            _ when index == 3 * batch => Edit.TickBack,                   // compares with the tick before the truncated one
            _ => Edit.None,
        });

        AssertSame(Reference(path), Verify(path, threads));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Many_issues_are_counted_past_the_ones_kept(int threads)
    {
        var batch = RecordBatch.MaxRecords;
        var path = WriteCapture(2 * batch + 10, index => index % 3 == 0 ? Edit.TickBackAndTtl : index == batch ? Edit.TickBack : Edit.None);
        var verdict = Verify(path, threads);
        AssertSame(Reference(path), verdict);
        Assert.Equal(CaptureVerdict.MaxIssuesKept, verdict.Issues.Count);
        Assert.True(verdict.IssueCount > 1000);
    }

    private enum Edit
    {
        None,
        TickBack,
        TickBackAndTtl,
        Truncated,
    }

    private static CaptureVerdict Verify(string path, int threads)
    {
        var key = System.Text.Encoding.ASCII.GetBytes(WireConstants.ProofKeyText);
        return CaptureVerifier.Verify(path, "capture.pcap", key, threads, VerificationMode.Strict, expected: null, progress: null);
    }

    private string WriteCapture(int frames, Func<int, Edit> edit)
    {
        var path = Path.Combine(_folder.Path, string.Create(CultureInfo.InvariantCulture, $"c{frames}.pcap"));
        using var stream = File.Create(path);
        using var writer = new PcapWriter(stream);
        uint tick = 100;
        for (var i = 0; i < frames; i++)
        {
            var e = edit(i);
            tick = e is Edit.TickBack or Edit.TickBackAndTtl ? tick - 5 : tick + 1;
            var frame = Mvps.Codec.Tests.Wire.TestFrames.Encode(Mvps.Codec.Tests.Wire.TestFrames.Sample with { Tick = tick });
            if (e == Edit.TickBackAndTtl)
            {
                frame[FieldLocations.Ipv4Ttl] = 64;
            }

            writer.WriteRecord(1_700_000_000, (uint)(i % 1_000_000), e == Edit.Truncated ? frame.AsSpan(0, 60) : frame);
        }

        return path;
    }

    /// <summary>The verifier's loop before batching: one frame at a time, tick carried from frame to frame.</summary>
    private static (long Frames, long WithProblems, long Count, List<string> Kept) Reference(string path)
    {
        using var authenticator = FrameAuthenticator.ForProofKey();
        using var reader = CaptureReader.Open(path);
        var problems = new List<FrameProblem>();
        var issues = new List<FrameIssue>();
        var kept = new List<string>();
        long frames = 0, withProblems = 0, count = 0;
        uint? previousTick = null;
        while (reader.TryReadNext(out var record))
        {
            problems.Clear();
            issues.Clear();
            var decoded = FrameDecoder.TryDecode(record.Data, authenticator, problems, out var fields);
            long index = record.Index, offset = record.FileOffset;
            issues.AddRange(problems.Select(p => FrameIssue.From(index, offset, p)));
            if (decoded)
            {
                if (previousTick is uint previous && fields.Tick <= previous)
                {
                    issues.Add(new FrameIssue(record.Index, record.FileOffset, FieldLocations.Tick,
                        string.Create(CultureInfo.InvariantCulture, $"tick {fields.Tick} does not follow tick {previous}: ticks must increase")));
                }

                previousTick = fields.Tick;
            }

            foreach (var issue in issues)
            {
                count++;
                if (kept.Count < CaptureVerdict.MaxIssuesKept)
                {
                    kept.Add(issue.ToString());
                }
            }

            withProblems += issues.Count > 0 ? 1 : 0;
            frames++;
        }

        return (frames, withProblems, count, kept);
    }

    private static void AssertSame((long Frames, long WithProblems, long Count, List<string> Kept) expected, CaptureVerdict actual)
    {
        Assert.Equal(expected.Frames, actual.Frames);
        Assert.Equal(expected.WithProblems, actual.FramesWithProblems);
        Assert.Equal(expected.Count, actual.IssueCount);
        Assert.Equal(expected.Kept, actual.Issues.Select(i => i.ToString()).ToList());
        Assert.True(expected.Count > 0, "the capture was meant to have problems");
    }
}
