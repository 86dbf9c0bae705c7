using System.Threading;

namespace RipeTyped
{
    /// <summary>Counters of a <see cref="RipeClient"/>; safe to read from any thread.</summary>
    public sealed class RipeClientStatistics
    {
        private long _enqueued;
        private long _delivered;
        private long _failed;
        private long _retries;

        /// <summary>Messages accepted by a call and queued for delivery.</summary>
        public long Enqueued => Interlocked.Read(ref _enqueued);

        /// <summary>Messages Ripe accepted.</summary>
        public long Delivered => Interlocked.Read(ref _delivered);

        /// <summary>Messages given up on (rejected, or out of retries).</summary>
        public long Failed => Interlocked.Read(ref _failed);

        /// <summary>HTTP attempts that were retries.</summary>
        public long Retries => Interlocked.Read(ref _retries);

        internal void OnEnqueued() => Interlocked.Increment(ref _enqueued);

        internal void OnDelivered() => Interlocked.Increment(ref _delivered);

        internal void OnFailed() => Interlocked.Increment(ref _failed);

        internal void OnRetry() => Interlocked.Increment(ref _retries);
    }
}
