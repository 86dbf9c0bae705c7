using System;

namespace RipeTyped.Testing
{
    /// <summary>How <see cref="RipeTestServer"/> answers one valid request: for fault injection in delivery tests.</summary>
    public sealed class RipeTestReply
    {
        private RipeTestReply(int status, TimeSpan? retryAfter, TimeSpan delay, bool reset)
        {
            Status = status;
            RetryAfter = retryAfter;
            Delay = delay;
            ResetConnection = reset;
        }

        /// <summary>A 200, as Ripe answers an accepted message.</summary>
        public static RipeTestReply Ok { get; } = new RipeTestReply(200, null, TimeSpan.Zero, false);

        /// <summary>The HTTP status to answer.</summary>
        public int Status { get; }

        /// <summary>A <c>Retry-After</c> header (whole seconds), or null.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>How long to wait before answering.</summary>
        public TimeSpan Delay { get; }

        /// <summary>True to drop the connection without an answer.</summary>
        public bool ResetConnection { get; }

        /// <summary>Answers <paramref name="status"/>, optionally with <c>Retry-After</c>.</summary>
        public static RipeTestReply WithStatus(int status, TimeSpan? retryAfter = null) => new RipeTestReply(status, retryAfter, TimeSpan.Zero, false);

        /// <summary>Drops the connection without answering (the client sees a network error).</summary>
        public static RipeTestReply Reset() => new RipeTestReply(0, null, TimeSpan.Zero, true);

        /// <summary>This reply, sent after <paramref name="delay"/>.</summary>
        public RipeTestReply After(TimeSpan delay) => new RipeTestReply(Status, RetryAfter, delay, ResetConnection);
    }
}
