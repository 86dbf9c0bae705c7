using System;
using System.Net.Http;

namespace RipeTyped
{
    /// <summary>Settings of a <see cref="RipeClient"/>.</summary>
    public sealed class RipeClientOptions
    {
        /// <summary>Ripe's documented endpoint: <c>https://api.getripe.com/event</c>.</summary>
        public static readonly Uri DefaultEndpoint = new Uri("https://api.getripe.com/event");

        /// <summary>Your Ripe API key. Sent base64-encoded in the <c>Authorization: Basic</c> header.</summary>
        public string ApiKey { get; set; } = "";

        /// <summary>
        /// The base URL that <c>/identify</c>, <c>/track</c>, <c>/page</c> and <c>/group</c> are appended to.
        /// Defaults to <see cref="DefaultEndpoint"/>.
        /// </summary>
        public Uri Endpoint { get; set; } = DefaultEndpoint;

        /// <summary>The HTTP client to send with. When null the client creates (and disposes) its own.</summary>
        public HttpClient? HttpClient { get; set; }

        /// <summary>Time allowed for one HTTP attempt. Default 10 seconds.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// How many times a message is retried after a network error, a timeout, HTTP 408, 429 or 5xx. Default 5.
        /// Retries reuse the message's <c>messageId</c> so Ripe can tell them apart from new messages.
        /// </summary>
        public int MaxRetries { get; set; } = 5;

        /// <summary>First retry delay; each further retry doubles it (with jitter), up to <see cref="RetryMaxDelay"/>. Default 500 ms.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>The longest delay between two attempts. Default 30 seconds.</summary>
        public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How long disposing waits for queued messages while Ripe is failing. After it, retries stop and every
        /// message still queued is reported to <see cref="OnMessageFailed"/> (nothing is dropped silently). Default 30 seconds.
        /// </summary>
        public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The anonymous id to start with; when null a new one (a GUID) is generated once per client.</summary>
        public string? AnonymousId { get; set; }

        /// <summary>
        /// When true (the default) a call whose properties break the plan's constraints throws
        /// <see cref="RipeValidationException"/>; when false the message is still sent and the errors go to <see cref="OnValidationFailed"/>.
        /// </summary>
        public bool ThrowOnValidationError { get; set; } = true;

        /// <summary>Called (on the delivery worker) after Ripe accepted a message.</summary>
        public Action<RipeDeliveryReport>? OnMessageDelivered { get; set; }

        /// <summary>Called (on the delivery worker) when a message could not be delivered after all retries, or was rejected.</summary>
        public Action<RipeDeliveryReport>? OnMessageFailed { get; set; }

        /// <summary>Called (on the calling thread) with the errors of a message sent despite failing validation.</summary>
        public Action<RipeValidationException>? OnValidationFailed { get; set; }

        internal void Validate()
        {
            if (string.IsNullOrWhiteSpace(ApiKey))
            {
                throw new ArgumentException("RipeClientOptions.ApiKey is required.", nameof(ApiKey));
            }

            if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"RipeClientOptions.Endpoint must be an absolute http(s) URL; got '{Endpoint}'.", nameof(Endpoint));
            }

            if (MaxRetries < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries cannot be negative.");
            }

            if (ShutdownTimeout < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(ShutdownTimeout), ShutdownTimeout, "ShutdownTimeout cannot be negative.");
            }

            if (RequestTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "RequestTimeout must be positive.");
            }
        }
    }
}
