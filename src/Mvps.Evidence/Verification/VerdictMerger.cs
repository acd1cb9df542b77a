using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using Mvps.Codec.Wire;

namespace Mvps.Evidence.Verification;

/// <summary>
/// Folds checked batches, in record order, into a <see cref="CaptureVerdict"/>, and settles what a batch cannot
/// see alone: tick order and the lattice per session (strict mode: across the whole file, as one session), the
/// session list, and the class counts. Only the records with a tick are visited, from the batch's own bytes,
/// so the result equals that of checking the records one by one whatever the batching or thread count.
/// </summary>
internal sealed class VerdictMerger(CaptureVerdict verdict)
{
    /// <summary>Sessions tracked per file: a hostile capture cannot grow the table without bound.</summary>
    public const int MaxSessions = 65536;

    private readonly Dictionary<AddressedSessionKey, SessionSummary> _sessions = [];
    private AddressedSessionKey _lastKey;
    private SessionSummary? _lastSession;
    private bool _sessionLimitReported;

    public void Merge(RecordBatch batch)
    {
        var issues = batch.Issues;
        var next = 0;
        var strict = verdict.Mode == VerificationMode.Strict;
        for (var i = 0; i < batch.Count; i++)
        {
            if (!batch.Ticked[i])
            {
                continue;
            }

            var index = batch.FirstIndex + i;
            var data = batch.Data(i);
            var payload = data[batch.PayloadOffset[i]..];
            var tick = BinaryPrimitives.ReadUInt32BigEndian(payload[PayloadLocations.Tick..]);
            var period = BinaryPrimitives.ReadUInt32BigEndian(payload[PayloadLocations.LatticePeriod..]);
            var state = (byte)(payload[PayloadLocations.BfdStateFlags] >> 6);
            var session = Find(strict, data, batch.AddressOffset[i], batch.AddressLength[i], payload);
            if (session is null)
            {
                continue;
            }

            UInt128 tag = new(BinaryPrimitives.ReadUInt32BigEndian(payload[(PayloadLocations.Tag + 8)..]), BinaryPrimitives.ReadUInt64BigEndian(payload[PayloadLocations.Tag..]));
            if (!strict && session.Frames > 0 && tick == session.LastTick && tag == session.LastTag)
            {
                // The same frame seen twice (tcpdump -i any on both ends of a veth, a VLAN sub-interface and its
                // parent): a copy, not a tick that failed to increase. Strict mode keeps "ticks must increase".
                verdict.DuplicateCopies++;
                continue;
            }

            FrameIssue? tickIssue = null;
            FrameIssue? latticeIssue = null;
            if (session.Frames == 0)
            {
                session.FirstTick = tick;
            }
            else
            {
                if (tick <= session.LastTick)
                {
                    tickIssue = new FrameIssue(index, batch.FileOffset(i), batch.PayloadOffset[i] + PayloadLocations.Tick,
                        string.Create(CultureInfo.InvariantCulture, $"tick {tick} does not follow tick {session.LastTick}: ticks must increase"));
                }
                else
                {
                    session.LostTicks += tick - session.LastTick - 1;
                }

                if (state != session.LastState)
                {
                    session.StateChanges++;
                }

                if (period != session.LatticePeriodUs && !strict)
                {
                    latticeIssue = new FrameIssue(index, batch.FileOffset(i), batch.PayloadOffset[i] + PayloadLocations.LatticePeriod,
                        string.Create(CultureInfo.InvariantCulture, $"lattice period {period} us, the session's first frame has {session.LatticePeriodUs} us"));
                }
            }

            session.LastTick = tick;
            session.LastTag = tag;
            session.LastState = state;
            session.Frames++;

            if (tickIssue is not null || latticeIssue is not null)
            {
                // The frame's own problems first, then these, then what the receipt says about it.
                while (next < issues.Count && (issues[next].FrameIndex < index || (issues[next].FrameIndex == index && !batch.IssueAfterTick[next])))
                {
                    verdict.Add(issues[next++]);
                }

                if (tickIssue is FrameIssue t)
                {
                    verdict.Add(t);
                }

                if (latticeIssue is FrameIssue l)
                {
                    verdict.Add(l);
                }

                if (!batch.HasProblems[i])
                {
                    verdict.FramesWithProblems++;
                }
            }
        }

        while (next < issues.Count)
        {
            verdict.Add(issues[next++]);
        }

        verdict.AddUnkeptIssues(batch.IssuesNotKept);
        verdict.FramesWithProblems += batch.FramesWithProblems;
        verdict.Frames += batch.Count;
        verdict.ChecksumWarnings += batch.ChecksumWarnings;
        for (var c = 0; c < batch.ClassCounts.Length; c++)
        {
            verdict.ClassCountsMutable[c] += batch.ClassCounts[c];
        }

        if (verdict.FirstTruncatedNeeded == 0 && batch.FirstTruncatedNeeded != 0)
        {
            verdict.FirstTruncatedCaptured = batch.FirstTruncatedCaptured;
            verdict.FirstTruncatedNeeded = batch.FirstTruncatedNeeded;
        }
    }

    private SessionSummary? Find(bool strict, ReadOnlySpan<byte> data, int addressOffset, int addressLength, ReadOnlySpan<byte> payload)
    {
        var discriminator = BinaryPrimitives.ReadUInt32BigEndian(payload[PayloadLocations.BfdMyDiscriminator..]);
        var key = strict ? default : new AddressedSessionKey(
            Address(data.Slice(addressOffset, addressLength)),
            Address(data.Slice(addressOffset + addressLength, addressLength)),
            discriminator,
            (byte)addressLength);
        if (_lastSession is not null && key == _lastKey)
        {
            return _lastSession;
        }

        if (!_sessions.TryGetValue(key, out var session))
        {
            if (_sessions.Count == MaxSessions)
            {
                if (!_sessionLimitReported)
                {
                    _sessionLimitReported = true;
                    verdict.Add(FrameIssue.ForFile(string.Create(CultureInfo.InvariantCulture,
                        $"more than {MaxSessions} sessions: frames of further sessions are not checked for tick order")));
                }

                return null;
            }

            session = new SessionSummary(
                _sessions.Count + 1,
                new IPAddress(data.Slice(addressOffset, addressLength)).ToString(),
                new IPAddress(data.Slice(addressOffset + addressLength, addressLength)).ToString(),
                discriminator,
                BinaryPrimitives.ReadUInt16BigEndian(payload[PayloadLocations.VantageId..]),
                BinaryPrimitives.ReadUInt32BigEndian(payload[PayloadLocations.LatticePeriod..]));
            _sessions.Add(key, session);
            verdict.SessionsMutable.Add(session);
        }

        _lastKey = key;
        _lastSession = session;
        return session;
    }

    private static UInt128 Address(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 16 ? BinaryPrimitives.ReadUInt128BigEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
}
