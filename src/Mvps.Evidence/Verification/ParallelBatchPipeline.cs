using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Mvps.Codec.Wire;
using Mvps.Evidence.Receipt;

namespace Mvps.Evidence.Verification;

/// <summary>
/// Worker threads that check batches while the calling thread reads the next ones. The caller submits
/// batches in frame order; they are merged in that same order as they complete, and a bounded pool of
/// batches (a few per thread) keeps memory flat. For N threads there are N - 1 workers: reading costs a
/// fraction of checking, so when the pool is used up the reading thread checks queued batches itself
/// instead of waiting, and N threads keep N cores busy without a spare thread competing for them.
/// </summary>
internal sealed class ParallelBatchPipeline : IDisposable
{
    private readonly BlockingCollection<RecordBatch> _work;
    private readonly Queue<RecordBatch> _inOrder = new();
    private readonly Stack<RecordBatch> _free = new();
    private readonly Thread[] _workers;
    private readonly FrameAuthenticator _readerAuthenticator;
    private readonly byte[] _key;
    private readonly BatchChecker _readerChecker;
    private readonly VerdictMerger _merger;
    private readonly IProgress<long>? _progress;
    private readonly int _maxInFlight;
    private int _created;
    private bool _disposed;

    public ParallelBatchPipeline(ReadOnlySpan<byte> key, int threads, ReceiptFrameHashes? frameHashes, VerificationMode mode, VerdictMerger merger, IProgress<long>? progress)
    {
        _merger = merger;
        _progress = progress;
        _maxInFlight = 2 * threads;
        _work = new BlockingCollection<RecordBatch>(new ConcurrentQueue<RecordBatch>());
        _readerAuthenticator = new FrameAuthenticator(key);
        _readerChecker = new BatchChecker(_readerAuthenticator, frameHashes, mode);
        _key = key.ToArray();
        _workers = new Thread[threads - 1];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(() => Work(frameHashes, mode)) { IsBackground = true, Name = "mvps verify worker" };
            _workers[i].Start();
        }
    }

    /// <summary>A batch to fill: a free one, a new one while under the bound, else the oldest once merged.</summary>
    public RecordBatch Rent()
    {
        if (_free.Count > 0)
        {
            return _free.Pop();
        }

        if (_created < _maxInFlight + 1)
        {
            _created++;
            return new RecordBatch();
        }

        MergeOldest();
        return _free.Pop();
    }

    /// <summary>Gives back a batch that was rented but not submitted.</summary>
    public void Return(RecordBatch batch) => _free.Push(batch);

    public void Submit(RecordBatch batch)
    {
        _inOrder.Enqueue(batch);
        _work.Add(batch);
        while (_inOrder.Count > 0 && _inOrder.Peek().Checked.IsSet)
        {
            MergeOldest();
        }
    }

    /// <summary>Waits for every submitted batch and merges them all.</summary>
    public void Drain()
    {
        while (_inOrder.Count > 0)
        {
            MergeOldest();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _work.CompleteAdding();
        foreach (var worker in _workers)
        {
            worker.Join();
        }

        _work.Dispose();
        _readerAuthenticator.Dispose();
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(_key);

        foreach (var batch in _inOrder.Concat(_free))
        {
            batch.Checked.Dispose();
        }
    }

    private void MergeOldest()
    {
        var batch = _inOrder.Dequeue();
        while (!batch.Checked.IsSet && _work.TryTake(out var queued))
        {
            Check(_readerChecker, queued);
        }

        batch.Checked.Wait();
        batch.Failure?.Throw();
        _merger.Merge(batch);
        _progress?.Report(batch.EndOffset);
        _free.Push(batch);
    }

    private void Work(ReceiptFrameHashes? frameHashes, VerificationMode mode)
    {
        // Made on this thread, so the per-frame scratch lies in this thread's allocation region and shares
        // no cache line with another thread's: false sharing here cost a third of the parallel speed-up.
        using var authenticator = new FrameAuthenticator(_key);
        var checker = new BatchChecker(authenticator, frameHashes, mode);
        foreach (var batch in _work.GetConsumingEnumerable())
        {
            Check(checker, batch);
        }
    }

    private static void Check(BatchChecker checker, RecordBatch batch)
    {
        try
        {
            checker.Check(batch);
        }
        catch (Exception e)
        {
            // A bug, not a property of the input: surfaced on the merging thread.
            batch.Failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            batch.Checked.Set();
        }
    }
}
