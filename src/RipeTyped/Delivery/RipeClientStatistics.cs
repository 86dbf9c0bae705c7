using System;
using System.Threading;
using RipeTyped.Delivery;

namespace RipeTyped
{
    /// <summary>Counters of a <see cref="RipeClient"/>; safe to read from any thread. The same figures go to the <c>RipeTyped</c> meter.</summary>
    public sealed class RipeClientStatistics
    {
        private long _enqueued;
        private long _delivered;
        private long _failed;
        private long _retries;
        private long _dropped;
        private long _spooled;
        private long _spilled;
        private long _notSent;

        /// <summary>Messages accepted by a call and queued for delivery (in memory, on disk or both).</summary>
        public long Enqueued => Interlocked.Read(ref _enqueued);

        /// <summary>Messages Ripe accepted.</summary>
        public long Delivered => Interlocked.Read(ref _delivered);

        /// <summary>Messages given up on: rejected, out of retries without a spool, or undelivered when shutdown timed out without a spool.</summary>
        public long Failed => Interlocked.Read(ref _failed);

        /// <summary>HTTP attempts that were retries.</summary>
        public long Retries => Interlocked.Read(ref _retries);

        /// <summary>Messages refused because the in-memory queue was full and there is no spool.</summary>
        public long Dropped => Interlocked.Read(ref _dropped);

        /// <summary>Messages written to the durable spool.</summary>
        public long Spooled => Interlocked.Read(ref _spooled);

        /// <summary>Of <see cref="Spooled"/>, messages that went to disk only because the in-memory queue was full.</summary>
        public long SpilledToDisk => Interlocked.Read(ref _spilled);

        /// <summary>Messages validated and serialized but not sent because <see cref="RipeClientOptions.DryRun"/> is on.</summary>
        public long NotSentDryRun => Interlocked.Read(ref _notSent);

        /// <summary>
        /// Messages held in memory right now: queued, in flight, or waiting for a retry. At most
        /// <see cref="RipeClientOptions.MaxQueueLength"/>.
        /// </summary>
        public int QueueLength => QueueLengthSource?.Invoke() ?? 0;

        /// <summary>Of <see cref="QueueLength"/>, messages waiting for a retry's due time (they hold no worker).</summary>
        public int ScheduledRetries => ScheduledRetriesSource?.Invoke() ?? 0;

        /// <summary>Whether delivery runs, is paused at Ripe's request, or has stopped because Ripe looks down.</summary>
        public RipeDeliveryState DeliveryState => DeliveryStateSource?.Invoke() ?? RipeDeliveryState.Open;

        /// <summary>How many times delivery stopped because most recent attempts failed (the breaker opened).</summary>
        public long Breaks => BreaksSource?.Invoke() ?? 0;

        /// <summary>Messages in the spool that Ripe has not confirmed yet.</summary>
        public long SpoolPending => SpoolPendingSource?.Invoke() ?? 0;

        internal Func<int>? QueueLengthSource { get; set; }

        internal Func<long>? SpoolPendingSource { get; set; }

        internal Func<int>? ScheduledRetriesSource { get; set; }

        internal Func<RipeDeliveryState>? DeliveryStateSource { get; set; }

        internal Func<long>? BreaksSource { get; set; }

        /// <summary>
        /// All counters on one line, e.g. <c>enqueued 12, delivered 10, failed 2, dropped 0, retries 5, queue 0, …</c>:
        /// what a console app without a logger prints at exit to see whether its events arrived.
        /// </summary>
        public override string ToString()
        {
            var text = new System.Text.StringBuilder();
            text.Append("enqueued ").Append(Enqueued)
                .Append(", delivered ").Append(Delivered)
                .Append(", failed ").Append(Failed)
                .Append(", dropped ").Append(Dropped)
                .Append(", retries ").Append(Retries)
                .Append(", queue ").Append(QueueLength)
                .Append(", scheduled retries ").Append(ScheduledRetries)
                .Append(", delivery ").Append(DeliveryState)
                .Append(", breaks ").Append(Breaks);
            if (SpoolPendingSource != null)
            {
                text.Append(", spooled ").Append(Spooled).Append(" (spilled ").Append(SpilledToDisk).Append("), spool pending ").Append(SpoolPending);
            }

            if (NotSentDryRun > 0)
            {
                text.Append(", not sent (dry run) ").Append(NotSentDryRun);
            }

            return text.ToString();
        }

        internal void OnDryRun() => Interlocked.Increment(ref _notSent);

        internal void OnEnqueued()
        {
            Interlocked.Increment(ref _enqueued);
            RipeMetrics.Enqueued.Add(1);
        }

        internal void OnDelivered()
        {
            Interlocked.Increment(ref _delivered);
            RipeMetrics.Sent.Add(1);
        }

        internal void OnFailed()
        {
            Interlocked.Increment(ref _failed);
            RipeMetrics.Failed.Add(1);
        }

        internal void OnRetry()
        {
            Interlocked.Increment(ref _retries);
            RipeMetrics.Retried.Add(1);
        }

        internal void OnDropped()
        {
            Interlocked.Increment(ref _dropped);
            RipeMetrics.Dropped.Add(1);
        }

        internal void OnSpooled(bool spilled)
        {
            Interlocked.Increment(ref _spooled);
            RipeMetrics.Spooled.Add(1);
            if (spilled)
            {
                Interlocked.Increment(ref _spilled);
            }
        }
    }

    /// <summary>How delivery stands right now (docs/delivery.md, "When Ripe is flaky").</summary>
    public enum RipeDeliveryState
    {
        /// <summary>Sending normally.</summary>
        Open = 0,

        /// <summary>Ripe answered 429 or 503 with <c>Retry-After</c>: nothing is sent until that time has passed.</summary>
        Paused = 1,

        /// <summary>Most recent attempts failed: nothing is sent until the break is over; then one probe goes.</summary>
        Broken = 2,

        /// <summary>One probe is out; its answer resumes delivery or starts a longer break.</summary>
        Probing = 3,
    }
}
