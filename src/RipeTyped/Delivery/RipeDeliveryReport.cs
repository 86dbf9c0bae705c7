using System;

namespace RipeTyped
{
    /// <summary>What became of a message.</summary>
    public enum RipeDeliveryOutcome
    {
        /// <summary>Ripe answered 2xx.</summary>
        Delivered,

        /// <summary>Ripe answered a status that retrying cannot fix (400, 401, 403, 413, other 4xx); the message is gone.</summary>
        Rejected,

        /// <summary>Every retry failed (network errors, timeouts, 408, 429, 5xx) and there is no spool; the message is gone.</summary>
        RetriesExhausted,

        /// <summary>The client was disposed and <see cref="RipeClientOptions.ShutdownTimeout"/> ran out; no spool, so the message is gone.</summary>
        ShutdownTimedOut,

        /// <summary>Not delivered yet, but safe in the spool: the next client started on the same directory sends it.</summary>
        KeptInSpool,

        /// <summary>The in-memory queue was full and there is no spool; the message was never queued.</summary>
        Dropped,
    }

    /// <summary>The outcome of delivering one message. Never carries the API key.</summary>
    public sealed class RipeDeliveryReport
    {
        internal RipeDeliveryReport(string call, string messageId, RipeDeliveryOutcome outcome, int? statusCode, string? responseBody, int attempts, Exception? exception)
        {
            Call = call;
            MessageId = messageId;
            Outcome = outcome;
            StatusCode = statusCode;
            ResponseBody = responseBody;
            Attempts = attempts;
            Exception = exception;
        }

        /// <summary><c>identify</c>, <c>track</c>, <c>page</c> or <c>group</c>.</summary>
        public string Call { get; }

        /// <summary>The message's id.</summary>
        public string MessageId { get; }

        /// <summary>What became of the message.</summary>
        public RipeDeliveryOutcome Outcome { get; }

        /// <summary>True when Ripe answered with a 2xx status.</summary>
        public bool Succeeded => Outcome == RipeDeliveryOutcome.Delivered;

        /// <summary>The last HTTP status received, or null when no response came.</summary>
        public int? StatusCode { get; }

        /// <summary>The last response body (truncated to 4 KiB), or null.</summary>
        public string? ResponseBody { get; }

        /// <summary>How many HTTP attempts were made.</summary>
        public int Attempts { get; }

        /// <summary>The last network exception, if any.</summary>
        public Exception? Exception { get; }

        internal RipeDeliveryReport WithOutcome(RipeDeliveryOutcome outcome) =>
            new RipeDeliveryReport(Call, MessageId, outcome, StatusCode, ResponseBody, Attempts, Exception);

        /// <inheritdoc />
        public override string ToString() =>
            $"{Call} {MessageId}: {Outcome} after {Attempts} attempt(s), HTTP {StatusCode?.ToString() ?? "none"}{(Exception is null ? "" : " (" + Exception.Message + ")")}";
    }
}
