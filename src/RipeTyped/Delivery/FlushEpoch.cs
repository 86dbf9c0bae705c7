using System.Collections.Generic;
using System.Threading.Tasks;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// A generation of accepted messages between two flushes. With several requests in flight messages finish out of
    /// order, so a flush cannot wait for "the queue position it was given"; it seals the current generation and waits
    /// until it and all older ones have no message pending.
    /// </summary>
    internal sealed class FlushEpoch
    {
        /// <summary>Messages accepted in this generation and not yet finished (delivered, failed or left in the spool). Interlocked.</summary>
        public long Pending;

        /// <summary>True once a flush started a newer generation: nothing more will be added. Volatile.</summary>
        public volatile bool Sealed;

        public TaskCompletionSource<bool> Drained { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// The flush generations of a queue: the current one (new messages join it) and the sealed ones flushes wait on, oldest
    /// first. Not thread-safe: the queue calls it under its lock.
    /// </summary>
    internal sealed class FlushGenerations
    {
        private readonly Queue<FlushEpoch> _sealed = new Queue<FlushEpoch>();
        private bool _closed;

        public FlushEpoch Current { get; private set; } = new FlushEpoch();

        /// <summary>Seals the current generation for a flush and starts a new one; the flush waits on the sealed one.</summary>
        public FlushEpoch Seal()
        {
            if (_closed)
            {
                // Nothing finishes any more, and a new generation would queue behind ones that never drain: every later
                // flush gets the answer the closing gave (not drained).
                return Current;
            }

            var sealedEpoch = Current;
            sealedEpoch.Sealed = true;
            _sealed.Enqueue(sealedEpoch);
            Current = new FlushEpoch();

            // Pairs with the fence of a finisher's Interlocked decrement: either it sees Sealed, or this sees its count.
            System.Threading.Interlocked.MemoryBarrier();
            CompleteDrained();
            return sealedEpoch;
        }

        /// <summary>
        /// <paramref name="count"/> messages of <paramref name="epoch"/> finished (delivered, failed, or left on disk).
        /// Lock-free (it runs once per delivered message): true when a waiting flush may now be answered, and the caller
        /// must then call <see cref="CompleteDrained"/> under the owner's lock.
        /// </summary>
        public static bool Finished(FlushEpoch epoch, int count = 1) =>
            System.Threading.Interlocked.Add(ref epoch.Pending, -count) <= 0 && epoch.Sealed;

        /// <summary>The queue closed: every flush still waiting is answered, "not drained" from the first generation with messages left.</summary>
        public void Close()
        {
            // In order, as flushes wait: true while every generation so far has finished (a clean shutdown), false from
            // the first one with messages left (in the spool, or reported failed) on.
            _closed = true;
            bool drained = true;
            foreach (var epoch in _sealed)
            {
                drained &= System.Threading.Interlocked.Read(ref epoch.Pending) <= 0;
                epoch.Drained.TrySetResult(drained);
            }

            drained &= System.Threading.Interlocked.Read(ref Current.Pending) <= 0;
            Current.Drained.TrySetResult(drained);
        }

        /// <summary>A flush waits for its generation and every older one: completes them in order, as each empties. Under the owner's lock.</summary>
        public void CompleteDrained()
        {
            while (_sealed.Count > 0 && System.Threading.Interlocked.Read(ref _sealed.Peek().Pending) <= 0)
            {
                _sealed.Dequeue().Drained.TrySetResult(true);
            }
        }
    }
}
