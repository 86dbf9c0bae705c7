using System;
using System.Net;
using System.Net.Http.Headers;

namespace RipeTyped.Delivery.Policy
{
    /// <summary>What to do with a message after a failed attempt.</summary>
    internal readonly struct RetryDecision
    {
        private RetryDecision(bool retry, TimeSpan delay, bool startOver)
        {
            Retry = retry;
            Delay = delay;
            StartsOver = startOver;
        }

        public static RetryDecision GiveUp => default;

        public bool Retry { get; }

        public TimeSpan Delay { get; }

        /// <summary>Out of retries but safe in the spool: the attempt count starts over after the longest wait.</summary>
        public bool StartsOver { get; }

        public static RetryDecision After(TimeSpan delay) => new RetryDecision(true, delay, false);

        public static RetryDecision StartOverAfter(TimeSpan delay) => new RetryDecision(true, delay, true);
    }

    /// <summary>
    /// The one retry policy: which answers are worth another attempt (the sender asks), how long Ripe's <c>Retry-After</c>
    /// may hold a message, and when and after what wait a message is tried again (the queue asks). See docs/delivery.md.
    /// </summary>
    internal sealed class RetryPolicy
    {
        private readonly RipeClientOptions _options;
        private readonly Backoff _backoff;

        /// <summary><paramref name="random"/>: the backoff's jitter, uniform in [0, 1) (the delivery state machine calls it under its lock).</summary>
        public RetryPolicy(RipeClientOptions options, Func<double> random)
        {
            _options = options;
            _backoff = new Backoff(options.RetryBaseDelay, options.RetryMaxDelay, random);
        }

        /// <summary>408 (timeout), 429 (rate limit) and 5xx may succeed later; every other status will not.</summary>
        public static bool IsTransient(HttpStatusCode status)
        {
            int code = (int)status;
            return code == 408 || code == 429 || code >= 500;
        }

        /// <summary>Ripe's <c>Retry-After</c> (seconds, or a date seen at <paramref name="utcNow"/>) as a wait, clamped to [0, RetryMaxDelay].</summary>
        public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset utcNow, TimeSpan retryMaxDelay)
        {
            TimeSpan? wait = header?.Delta ?? (header?.Date is DateTimeOffset date ? date - utcNow : (TimeSpan?)null);
            if (wait is null)
            {
                return null;
            }

            return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : (wait.Value > retryMaxDelay ? retryMaxDelay : wait.Value);
        }

        /// <summary>After a transient failure: wait as Ripe asked, else back off; out of retries, give up (or start over when spooled).</summary>
        public RetryDecision Next(int attempts, bool spooled, SendAttempt last)
        {
            if (attempts > _options.MaxRetries)
            {
                return spooled ? RetryDecision.StartOverAfter(_backoff.Max) : RetryDecision.GiveUp;
            }

            return RetryDecision.After(last.RetryAfter ?? _backoff.After(attempts));
        }
    }
}
