using System;

namespace RipeTyped
{
    /// <summary>The outcome of delivering one message.</summary>
    public sealed class RipeDeliveryReport
    {
        internal RipeDeliveryReport(string call, string messageId, bool succeeded, int? statusCode, string? responseBody, int attempts, Exception? exception)
        {
            Call = call;
            MessageId = messageId;
            Succeeded = succeeded;
            StatusCode = statusCode;
            ResponseBody = responseBody;
            Attempts = attempts;
            Exception = exception;
        }

        /// <summary><c>identify</c>, <c>track</c>, <c>page</c> or <c>group</c>.</summary>
        public string Call { get; }

        /// <summary>The message's id.</summary>
        public string MessageId { get; }

        /// <summary>True when Ripe answered with a 2xx status.</summary>
        public bool Succeeded { get; }

        /// <summary>The last HTTP status received, or null when no response came.</summary>
        public int? StatusCode { get; }

        /// <summary>The last response body (truncated to 4 KiB), or null.</summary>
        public string? ResponseBody { get; }

        /// <summary>How many HTTP attempts were made.</summary>
        public int Attempts { get; }

        /// <summary>The last network exception, if any.</summary>
        public Exception? Exception { get; }
    }
}
