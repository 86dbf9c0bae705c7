using System;
using System.Collections.Generic;

namespace RipeTyped.Delivery.Policy
{
    /// <summary>
    /// Messages waiting for their next attempt, by due time (a binary min-heap) on the delivery state machine's clock
    /// (time since the client started). Not thread-safe: the state machine uses it under its lock. A waiting message
    /// holds no worker.
    /// </summary>
    internal sealed class RetrySchedule
    {
        private readonly List<(TimeSpan Due, long Order, OutgoingMessage Message)> _heap = new List<(TimeSpan, long, OutgoingMessage)>();
        private long _order;

        public int Count => _heap.Count;

        /// <summary>The earliest due time; null when empty.</summary>
        public TimeSpan? NextDue => _heap.Count == 0 ? (TimeSpan?)null : _heap[0].Due;

        public void Add(OutgoingMessage message, TimeSpan due)
        {
            _heap.Add((due, _order++, message));
            int child = _heap.Count - 1;
            while (child > 0)
            {
                int parent = (child - 1) / 2;
                if (!Less(child, parent))
                {
                    break;
                }

                (_heap[child], _heap[parent]) = (_heap[parent], _heap[child]);
                child = parent;
            }
        }

        /// <summary>Removes and returns the messages due by <paramref name="now"/> (every message when <paramref name="all"/>).</summary>
        public List<OutgoingMessage> TakeDue(TimeSpan now, bool all)
        {
            var due = new List<OutgoingMessage>();
            while (_heap.Count > 0 && (all || _heap[0].Due <= now))
            {
                due.Add(_heap[0].Message);
                int last = _heap.Count - 1;
                _heap[0] = _heap[last];
                _heap.RemoveAt(last);
                int parent = 0;
                while (true)
                {
                    int left = (2 * parent) + 1, right = left + 1, smallest = parent;
                    if (left < _heap.Count && Less(left, smallest))
                    {
                        smallest = left;
                    }

                    if (right < _heap.Count && Less(right, smallest))
                    {
                        smallest = right;
                    }

                    if (smallest == parent)
                    {
                        break;
                    }

                    (_heap[smallest], _heap[parent]) = (_heap[parent], _heap[smallest]);
                    parent = smallest;
                }
            }

            return due;
        }

        /// <summary>
        /// How long the scheduler sleeps until <paramref name="untilDue"/>: infinite when nothing is scheduled, else whole
        /// milliseconds, rounded up and at least one. Timers count whole milliseconds and truncate, so a wait under 1 ms
        /// would return at once and the scheduler would spin until the due time came; under 5% faults that spin cost
        /// more CPU than all the retried requests.
        /// </summary>
        public static TimeSpan WaitFor(TimeSpan? untilDue) =>
            untilDue is { } left
                ? TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(left.TotalMilliseconds)))
                : System.Threading.Timeout.InfiniteTimeSpan;

        private bool Less(int a, int b) => _heap[a].Due < _heap[b].Due || (_heap[a].Due == _heap[b].Due && _heap[a].Order < _heap[b].Order);
    }
}
