using System;

namespace RipeTyped.Delivery.Policy
{
    /// <summary>Exponential backoff with ±20% jitter: RetryBaseDelay × 2^(attempt−1), at most RetryMaxDelay.</summary>
    internal sealed class Backoff
    {
        private readonly TimeSpan _base;
        private readonly TimeSpan _max;
        private readonly Func<double> _random;

        /// <summary><paramref name="random"/> is uniform in [0, 1); it is called under the caller's lock.</summary>
        public Backoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double> random)
        {
            _base = baseDelay;
            _max = maxDelay;
            _random = random;
        }

        public TimeSpan Max => _max;

        /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1.</summary>
        public TimeSpan After(int failedAttempts)
        {
            double jitter = 0.8 + (_random() * 0.4);
            double ms = _base.TotalMilliseconds * Math.Pow(2, Math.Min(Math.Max(failedAttempts, 1) - 1, 30));
            return TimeSpan.FromMilliseconds(Math.Min(ms * jitter, _max.TotalMilliseconds));
        }
    }
}
