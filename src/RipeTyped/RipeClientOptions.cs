using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace RipeTyped
{
    /// <summary>Settings of a <see cref="RipeClient"/>. See <c>docs/delivery.md</c> for the delivery guarantees they tune.</summary>
    public sealed class RipeClientOptions
    {
        /// <summary>Ripe's documented endpoint: <c>https://api.getripe.com/event</c>.</summary>
        public static readonly Uri DefaultEndpoint = new Uri("https://api.getripe.com/event");

        /// <summary>Ripe's HTTP API documents no message size limit; this one keeps a runaway payload out of the queue.</summary>
        public const int DefaultMaxMessageBytes = 32 * 1024;

        /// <summary>
        /// The clock of delivery: retry backoff, <c>Retry-After</c> pauses, the breaker's breaks, request, flush and shutdown
        /// timeouts, and the <c>timestamp</c> of each message. Default <see cref="TimeProvider.System"/>; a test passes a
        /// fake one (Microsoft.Extensions.TimeProvider.Testing's <c>FakeTimeProvider</c>) to run retries without waiting.
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>The backoff's jitter source, uniform in [0, 1): tests make it fixed to check the schedule exactly.</summary>
        internal Func<double>? Jitter { get; set; }

        /// <summary>Your Ripe API key. Sent base64-encoded in the <c>Authorization: Basic</c> header; never logged or spooled.</summary>
        public string ApiKey { get; set; } = "";

        /// <summary>
        /// The base URL that <c>/identify</c>, <c>/track</c>, <c>/page</c> and <c>/group</c> are appended to.
        /// Defaults to <see cref="DefaultEndpoint"/>. Must be HTTPS unless the host is loopback (the key travels in a header).
        /// </summary>
        public Uri Endpoint { get; set; } = DefaultEndpoint;

        /// <summary>
        /// The HTTP client to send with. When null the client creates (and disposes) its own, with pooled keep-alive
        /// connections that are recycled every two minutes so DNS changes are seen.
        /// </summary>
        public HttpClient? HttpClient { get; set; }

        /// <summary>Time allowed for one HTTP attempt. Default 10 seconds.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// How many times a message is retried after a network error, a timeout, HTTP 408, 429 or 5xx. Default 5.
        /// Retries reuse the message's <c>messageId</c> so Ripe can de-duplicate. With a <see cref="SpoolDirectory"/>
        /// a message out of retries is not given up: it is safe on disk and starts over after RetryMaxDelay.
        /// </summary>
        public int MaxRetries { get; set; } = 5;

        /// <summary>
        /// First retry delay of a message; each further retry doubles it (with ±20% jitter), up to <see cref="RetryMaxDelay"/>.
        /// Default 100 ms: a retry waits outside the workers and concerns one message, so it can come soon; when Ripe is
        /// down, the breaker (not the backoff) stops everyone from hammering it (docs/delivery.md).
        /// </summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

        /// <summary>The longest delay between two attempts, <c>Retry-After</c> included. Default 30 seconds.</summary>
        public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How many HTTP requests may be in flight at once. Ripe has no batch endpoint, so throughput comes from
        /// concurrency; messages may therefore arrive out of order (each carries its own timestamp). With 1, messages
        /// are delivered one at a time in call order. Default 4.
        /// </summary>
        public int MaxConcurrentRequests { get; set; } = 4;

        /// <summary>
        /// The most messages held in memory waiting for delivery. When the queue is full, a new message is written
        /// only to the spool (with a <see cref="SpoolDirectory"/>), or dropped: counted in
        /// <see cref="RipeClientStatistics.Dropped"/> and reported to <see cref="OnMessageDropped"/>. Default 10,000.
        /// </summary>
        public int MaxQueueLength { get; set; } = 10_000;

        /// <summary>
        /// A serialized message larger than this is refused at the call with an <see cref="ArgumentException"/>.
        /// Default <see cref="DefaultMaxMessageBytes"/> (32 KiB).
        /// </summary>
        public int MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;

        /// <summary>
        /// Opt-in durable spool: a directory where every accepted message is written before the call returns and
        /// deleted only after Ripe answered 2xx. After a crash or <c>kill -9</c>, the next client started on the
        /// same directory delivers what is left (at least once; the <c>messageId</c> lets Ripe de-duplicate).
        /// One client per directory at a time. Default null (in-memory only).
        /// </summary>
        public string? SpoolDirectory { get; set; }

        /// <summary>
        /// How long disposing waits for queued messages while Ripe is failing. After it, retries stop; messages still
        /// undelivered stay in the spool when there is one, and are otherwise reported to <see cref="OnMessageFailed"/>
        /// (nothing is dropped silently). Default 30 seconds.
        /// </summary>
        public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// The anonymous id to start with; when null it is loaded from <see cref="IdentityStore"/>, or a new one (a GUID)
        /// is generated once per client. Only for the default, process-wide <see cref="AmbientContext"/>.
        /// </summary>
        public string? AnonymousId { get; set; }

        /// <summary>
        /// Where the process-wide anonymous id is kept between runs (e.g. <see cref="RipeFileIdentityStore"/>), so a
        /// returning user stays one anonymous visitor; null: a new id each run. Only for the default <see cref="AmbientContext"/>.
        /// </summary>
        public IRipeIdentityStore? IdentityStore { get; set; }

        /// <summary>
        /// Where calls without an explicit <see cref="RipeIdentity"/> take theirs. Null (the default): one identity for the
        /// process, right for console, desktop, worker and browser apps. In ASP.NET Core, <c>AddAspNetCore()</c>
        /// (RipeTyped.AspNetCore) sets the request's; a server without it gets <see cref="RipeAmbientContext.None"/>
        /// from <c>AddRipe</c>, so one user's identity can never reach another user's events.
        /// </summary>
        public RipeAmbientContext? AmbientContext { get; set; }

        /// <summary>
        /// Validate, serialize and log (at Information, with the JSON) every call, and send nothing: for development and
        /// CI without an API key. <see cref="ApiKey"/> is then not required. <c>AddRipe</c> turns it on by itself only in
        /// the Development environment when no API key is configured, and says so in the log. Default false.
        /// </summary>
        public bool DryRun { get; set; }

        /// <summary>
        /// What a call does when its properties break the plan's constraints (pattern, minimum/maximum,
        /// minLength/maxLength), like Typewriter's violation handler: <see cref="RipeValidationMode.Throw"/> (the
        /// default; for development and tests), <see cref="RipeValidationMode.Report"/> (log a warning, call
        /// <see cref="OnValidationFailed"/>, send anyway; for production) or <see cref="RipeValidationMode.Off"/>
        /// (no checks). <c>AddRipe</c> picks Report outside the Development environment unless configured.
        /// </summary>
        public RipeValidationMode ValidationMode { get; set; } = RipeValidationMode.Throw;

        /// <summary>Where delivery logs go (rejections, retries, drops, spool recovery). Null: no logging.</summary>
        public ILogger? Logger { get; set; }

        /// <summary>Called (on a delivery worker) after Ripe accepted a message.</summary>
        public Action<RipeDeliveryReport>? OnMessageDelivered { get; set; }

        /// <summary>
        /// Called (on a delivery worker) when a message was rejected (HTTP 400, 401, 403, 413 and other non-retried
        /// statuses), ran out of retries without a spool, or was still undelivered when shutdown ran out of time
        /// (<see cref="RipeDeliveryReport.Outcome"/> tells which; <see cref="RipeDeliveryOutcome.KeptInSpool"/> is not a loss).
        /// </summary>
        public Action<RipeDeliveryReport>? OnMessageFailed { get; set; }

        /// <summary>Called (on the calling thread) for a message dropped because the queue was full and there is no spool.</summary>
        public Action<RipeDeliveryReport>? OnMessageDropped { get; set; }

        /// <summary>
        /// The violation handler of <see cref="RipeValidationMode.Report"/>: called (on the calling thread) with the
        /// errors of a message that is sent despite breaking the plan's constraints.
        /// </summary>
        public Action<RipeValidationException>? OnValidationFailed { get; set; }

        /// <summary>Describes the options with the API key redacted.</summary>
        public override string ToString() =>
            $"RipeClientOptions {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(empty)" : "***")}, Endpoint = {Endpoint}, " +
            $"MaxConcurrentRequests = {MaxConcurrentRequests}, MaxQueueLength = {MaxQueueLength}, SpoolDirectory = {SpoolDirectory ?? "(none)"}" +
            (DryRun ? ", DryRun = true }" : " }");

        /// <summary>Checks every option; the exception names the first one that is wrong.</summary>
        /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
        public void Validate()
        {
            if (TimeProvider is null)
            {
                throw new ArgumentException("RipeClientOptions.TimeProvider cannot be null (TimeProvider.System is the default).", nameof(TimeProvider));
            }

            if (!DryRun && string.IsNullOrWhiteSpace(ApiKey))
            {
                throw new ArgumentException("RipeClientOptions.ApiKey is required (your Ripe API key), unless RipeClientOptions.DryRun is on.", nameof(ApiKey));
            }

            if (AmbientContext != null && (AnonymousId != null || IdentityStore != null))
            {
                throw new ArgumentException(
                    "RipeClientOptions.AnonymousId and IdentityStore apply to the default, process-wide identity; with an AmbientContext set, give them to it instead (RipeAmbientContext.ForProcess).",
                    nameof(AmbientContext));
            }

            if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"RipeClientOptions.Endpoint must be an absolute http(s) URL; got '{Endpoint}'.", nameof(Endpoint));
            }

            if (Endpoint.Scheme == Uri.UriSchemeHttp && !Endpoint.IsLoopback)
            {
                throw new ArgumentException(
                    $"RipeClientOptions.Endpoint must use https: the API key travels in a header. Plain http is allowed only for loopback hosts; got '{Endpoint}'.",
                    nameof(Endpoint));
            }

            RequireAtLeast(nameof(MaxRetries), MaxRetries, 0);
            RequireAtLeast(nameof(MaxConcurrentRequests), MaxConcurrentRequests, 1);
            RequireAtLeast(nameof(MaxQueueLength), MaxQueueLength, 1);
            RequireAtLeast(nameof(MaxMessageBytes), MaxMessageBytes, 256);
            RequirePositive(nameof(RequestTimeout), RequestTimeout);
            RequirePositive(nameof(RetryBaseDelay), RetryBaseDelay);
            RequirePositive(nameof(RetryMaxDelay), RetryMaxDelay);
            if (ShutdownTimeout < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(ShutdownTimeout), ShutdownTimeout, "RipeClientOptions.ShutdownTimeout cannot be negative.");
            }

            if (SpoolDirectory != null && SpoolDirectory.Trim().Length == 0)
            {
                throw new ArgumentException("RipeClientOptions.SpoolDirectory cannot be blank; set a directory path or null for no spool.", nameof(SpoolDirectory));
            }
        }

        private static void RequireAtLeast(string name, int value, int minimum)
        {
            if (value < minimum)
            {
                throw new ArgumentOutOfRangeException(name, value, $"RipeClientOptions.{name} must be at least {minimum}; got {value}.");
            }
        }

        private static void RequirePositive(string name, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, $"RipeClientOptions.{name} must be positive; got {value}.");
            }
        }

        /// <summary>
        /// The primary HTTP handler RipeTyped uses when it creates its HttpClient (here and in RipeTyped.Hosting): pooled
        /// keep-alive connections, recycled every 2 minutes so DNS changes are picked up, and as many connections per server
        /// as <see cref="MaxConcurrentRequests"/> (at least 2). In the browser (Blazor WebAssembly), the platform's fetch handler.
        /// </summary>
        public System.Net.Http.HttpMessageHandler CreateHttpMessageHandler()
        {
            int connections = Math.Max(MaxConcurrentRequests, 2);
#if NET8_0_OR_GREATER
            if (OperatingSystem.IsBrowser() || OperatingSystem.IsWasi())
            {
                // The browser's fetch does the pooling; SocketsHttpHandler's settings throw PlatformNotSupportedException there.
                return new System.Net.Http.HttpClientHandler();
            }

            return new System.Net.Http.SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
                MaxConnectionsPerServer = connections,
            };
#else
            return new System.Net.Http.HttpClientHandler { MaxConnectionsPerServer = connections };
#endif
        }
    }
}
