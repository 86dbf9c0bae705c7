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
        /// <summary>Messages accepted in this generation and not yet finished (delivered, failed or left in the spool).</summary>
        public long Pending;

        /// <summary>True once a flush started a newer generation: nothing more will be added.</summary>
        public bool Sealed;

        public TaskCompletionSource<bool> Drained { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// The flush generations of a queue: the current one (new messages join it) and the sealed ones flushes wait on, oldest
    /// first. Not thread-safe: the queue calls it under its lock.
    /// </summary>
    internal sealed class FlushGenerations
    {
        private readonly Queue<FlushEpoch> _sealed = new Queue<FlushEpoch>();

        public FlushEpoch Current { get; private set; } = new FlushEpoch();

        /// <summary>Seals the current generation for a flush and starts a new one; the flush waits on the sealed one.</summary>
        public FlushEpoch Seal()
        {
            var sealedEpoch = Current;
            sealedEpoch.Sealed = true;
            _sealed.Enqueue(sealedEpoch);
            Current = new FlushEpoch();
            CompleteDrained();
            return sealedEpoch;
        }

        /// <summary><paramref name="count"/> messages of <paramref name="epoch"/> finished (delivered, failed, or left on disk).</summary>
        public void Finished(FlushEpoch epoch, int count = 1)
        {
            epoch.Pending -= count;
            CompleteDrained();
        }

        /// <summary>The queue closed: every flush still waiting is answered "not drained".</summary>
        public void Close()
        {
            Current.Drained.TrySetResult(false);
            foreach (var epoch in _sealed)
            {
                epoch.Drained.TrySetResult(false);
            }
        }

        // A flush waits for its generation and every older one: complete them in order, as each empties.
        private void CompleteDrained()
        {
            while (_sealed.Count > 0 && _sealed.Peek().Pending <= 0)
            {
                _sealed.Dequeue().Drained.TrySetResult(true);
            }
        }
    }
}
