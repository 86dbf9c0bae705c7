using System;

namespace RipeTyped.Delivery
{
    internal enum AttemptKind
    {
        /// <summary>2xx.</summary>
        Delivered,

        /// <summary>A status that will not change on retry (400, 401, 403, 413...).</summary>
        Rejected,

        /// <summary>408, 429, 5xx, a network error or a timeout: worth another attempt.</summary>
        Transient,

        /// <summary>The client stopped retrying (shutdown ran out of time) before an answer came.</summary>
        Stopped,
    }

    /// <summary>The outcome of one HTTP attempt of one message.</summary>
    internal sealed class SendAttempt
    {
        public static readonly SendAttempt Stopped = new SendAttempt(AttemptKind.Stopped, null, null, null, null);

        private SendAttempt(AttemptKind kind, int? status, string? body, Exception? exception, TimeSpan? retryAfter)
        {
            Kind = kind;
            Status = status;
            Body = body;
            Exception = exception;
            RetryAfter = retryAfter;
        }

        public AttemptKind Kind { get; }

        public int? Status { get; }

        public string? Body { get; }

        public Exception? Exception { get; }

        /// <summary>The server's <c>Retry-After</c>, clamped to <see cref="RipeClientOptions.RetryMaxDelay"/>.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>Ripe asked everyone to wait: 429 or 503 with <c>Retry-After</c>. All sending pauses that long.</summary>
        public bool AsksToPause => RetryAfter.HasValue && (Status == 429 || Status == 503);

        /// <summary>Ripe looks down (5xx, network, timeout). A 429 is not: Ripe is up and asking for less.</summary>
        public bool LooksDown => Kind == AttemptKind.Transient && Status != 429 && Status != 408;

        /// <summary>What the attempt got, for a log line: <c>HTTP 503</c>, <c>HTTP 503 (message)</c> or <c>no answer (message)</c>.</summary>
        public string Describe() =>
            (Status is int status ? "HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer") +
            (Exception is null ? "" : " (" + Exception.Message + ")");

        public static SendAttempt Delivered(int status, string? body) => new SendAttempt(AttemptKind.Delivered, status, body, null, null);

        public static SendAttempt Rejected(int status, string? body) => new SendAttempt(AttemptKind.Rejected, status, body, null, null);

        public static SendAttempt Transient(int? status, string? body, Exception? exception, TimeSpan? retryAfter) =>
            new SendAttempt(AttemptKind.Transient, status, body, exception, retryAfter);
    }
}
