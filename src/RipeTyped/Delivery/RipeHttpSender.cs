using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// Posts one serialized message, retrying transient failures with exponential backoff and jitter and honouring
    /// <c>Retry-After</c>. Hand-rolled rather than a Polly pipeline: the retry decision belongs to the delivery queue
    /// (a message out of retries stays in the spool; shutdown cuts retries short), and the runtime stays free of
    /// dependencies for netstandard2.0 and trimmed/AOT apps.
    /// </summary>
    internal sealed class RipeHttpSender : IDisposable
    {
        private const int MaxResponseBodyChars = 4096;
        private static readonly MediaTypeHeaderValue JsonContentType = new MediaTypeHeaderValue("application/json");

        private readonly RipeClientOptions _options;
        private readonly HttpClient _http;
        private readonly bool _ownsHttp;
        private readonly AuthenticationHeaderValue _authorization;
        private readonly string _endpoint;
        private readonly RipeClientStatistics _statistics;
        private readonly ILogger? _logger;
        private readonly Dictionary<string, Uri> _callUrls = new Dictionary<string, Uri>(StringComparer.Ordinal);
        private readonly Random _jitter = new Random();

        public RipeHttpSender(RipeClientOptions options, RipeClientStatistics statistics)
        {
            _options = options;
            _statistics = statistics;
            _logger = options.Logger;
            _ownsHttp = options.HttpClient is null;
            _http = options.HttpClient ?? CreateHttpClient(options);
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ApiKey)));
            _endpoint = options.Endpoint.AbsoluteUri.TrimEnd('/');
            foreach (string call in new[] { "identify", "track", "page", "group" })
            {
                _callUrls[call] = new Uri(_endpoint + "/" + call);
            }
        }

        /// <summary>Sends until Ripe answers 2xx, answers a status not worth retrying, retries run out, or <paramref name="stopping"/> fires.</summary>
        public async Task<RipeDeliveryReport> SendAsync(OutgoingMessage message, CancellationToken stopping)
        {
            int attempts = 0;
            int? lastStatus = null;
            string? lastBody = null;
            Exception? lastException = null;
            var url = _callUrls[message.Call];

            while (true)
            {
                attempts++;
                TimeSpan? retryAfter = null;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, url);
                    request.Headers.Authorization = _authorization;
                    request.Content = new ByteArrayContent(message.Body);
                    request.Content.Headers.ContentType = JsonContentType;

                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                    timeout.CancelAfter(_options.RequestTimeout);
                    using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                    lastStatus = (int)response.StatusCode;
                    lastBody = await ReadBodyAsync(response).ConfigureAwait(false);
                    lastException = null;
                    if (response.IsSuccessStatusCode)
                    {
                        return Report(message, RipeDeliveryOutcome.Delivered, lastStatus, lastBody, attempts, null);
                    }

                    if (!IsTransient(response.StatusCode))
                    {
                        _logger?.LogError(
                            "Ripe rejected {Call} {MessageId} with HTTP {Status}: {Body}. Not retried: the message is dropped.",
                            message.Call, message.MessageId, lastStatus, lastBody);
                        return Report(message, RipeDeliveryOutcome.Rejected, lastStatus, lastBody, attempts, null);
                    }

                    retryAfter = RetryAfter(response.Headers.RetryAfter);
                }
                catch (OperationCanceledException ex) when (!stopping.IsCancellationRequested)
                {
                    // The per-attempt timeout fired: the request may or may not have arrived; retrying with the
                    // same messageId is safe.
                    lastException = new TimeoutException($"No answer from Ripe within RequestTimeout ({_options.RequestTimeout}).", ex);
                    lastStatus = null;
                }
                catch (HttpRequestException ex)
                {
                    lastException = ex;
                    lastStatus = null;
                }
                catch (OperationCanceledException)
                {
                    return Report(message, RipeDeliveryOutcome.ShutdownTimedOut, lastStatus, lastBody, attempts, ShutdownTimedOut());
                }

                if (attempts > _options.MaxRetries)
                {
                    _logger?.LogWarning(
                        "Giving up on {Call} {MessageId} after {Attempts} attempts; last: HTTP {Status} {Error}.",
                        message.Call, message.MessageId, attempts, lastStatus, lastException?.Message);
                    return Report(message, RipeDeliveryOutcome.RetriesExhausted, lastStatus, lastBody, attempts, lastException);
                }

                var delay = retryAfter ?? Backoff(attempts);
                _statistics.OnRetry();
                _logger?.LogDebug(
                    "Retrying {Call} {MessageId} in {Delay} ms (attempt {Attempt}); last: HTTP {Status} {Error}.",
                    message.Call, message.MessageId, (long)delay.TotalMilliseconds, attempts + 1, lastStatus, lastException?.Message);
                try
                {
                    await Task.Delay(delay, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return Report(message, RipeDeliveryOutcome.ShutdownTimedOut, lastStatus, lastBody, attempts, ShutdownTimedOut());
                }
            }
        }

        public async Task<bool> CheckApiKeyAsync(CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint + "/auth/sdk"));
            request.Headers.Authorization = _authorization;
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }

        public void Dispose()
        {
            if (_ownsHttp)
            {
                _http.Dispose();
            }
        }

        /// <summary>408 (timeout), 429 (rate limit) and 5xx may succeed later; every other status will not.</summary>
        internal static bool IsTransient(HttpStatusCode status)
        {
            int code = (int)status;
            return code == 408 || code == 429 || code >= 500;
        }

        private static HttpClient CreateHttpClient(RipeClientOptions options)
        {
#if NET8_0_OR_GREATER
            // Keep-alive connections shared by the concurrent requests, recycled so DNS changes are picked up.
            var handler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
                MaxConnectionsPerServer = Math.Max(options.MaxConcurrentRequests, 2),
            };
#else
            var handler = new HttpClientHandler { MaxConnectionsPerServer = Math.Max(options.MaxConcurrentRequests, 2) };
#endif
            return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }

        /// <summary>Why a message stopped being retried at shutdown.</summary>
        internal static OperationCanceledException ShutdownTimedOut() =>
            new OperationCanceledException("Not delivered: the client was disposed while Ripe kept failing, and RipeClientOptions.ShutdownTimeout ran out.");

        private static RipeDeliveryReport Report(OutgoingMessage message, RipeDeliveryOutcome outcome, int? status, string? body, int attempts, Exception? exception) =>
            new RipeDeliveryReport(message.Call, message.MessageId, outcome, status, body, attempts, exception);

        private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
        {
            TimeSpan? wait = header?.Delta ?? (header?.Date is DateTimeOffset date ? date - DateTimeOffset.UtcNow : (TimeSpan?)null);
            if (wait is null)
            {
                return null;
            }

            return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : (wait.Value > _options.RetryMaxDelay ? _options.RetryMaxDelay : wait.Value);
        }

        private TimeSpan Backoff(int attempt)
        {
            double jitter;
            lock (_jitter)
            {
                jitter = 0.8 + (_jitter.NextDouble() * 0.4);
            }

            double baseMs = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
            return TimeSpan.FromMilliseconds(Math.Min(baseMs * jitter, _options.RetryMaxDelay.TotalMilliseconds));
        }

        private static async Task<string?> ReadBodyAsync(HttpResponseMessage response)
        {
            if (response.Content is null)
            {
                return null;
            }

            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return body.Length > MaxResponseBodyChars ? body.Substring(0, MaxResponseBodyChars) : body;
        }
    }
}
