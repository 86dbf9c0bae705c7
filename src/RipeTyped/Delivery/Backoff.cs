using System;

namespace RipeTyped.Delivery
{
    /// <summary>Exponential backoff with ±20% jitter: RetryBaseDelay × 2^(attempt−1), at most RetryMaxDelay.</summary>
    internal sealed class Backoff
    {
        private readonly TimeSpan _base;
        private readonly TimeSpan _max;
        private readonly Random _jitter = new Random();

        public Backoff(TimeSpan baseDelay, TimeSpan maxDelay)
        {
            _base = baseDelay;
            _max = maxDelay;
        }

        public TimeSpan Max => _max;

        /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1.</summary>
        public TimeSpan After(int failedAttempts)
        {
            double jitter;
            lock (_jitter)
            {
                jitter = 0.8 + (_jitter.NextDouble() * 0.4);
            }

            double ms = _base.TotalMilliseconds * Math.Pow(2, Math.Min(Math.Max(failedAttempts, 1) - 1, 30));
            return TimeSpan.FromMilliseconds(Math.Min(ms * jitter, _max.TotalMilliseconds));
        }
    }
}
