using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace RipeTyped.Delivery
{
    /// <summary>Posts one serialized message, retrying transient failures with exponential backoff.</summary>
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
        private readonly System.Collections.Generic.Dictionary<string, Uri> _callUrls;

        // Only the single delivery worker calls Backoff, so the Random needs no lock.
        private readonly Random _jitter = new Random();

        public RipeHttpSender(RipeClientOptions options, RipeClientStatistics statistics)
        {
            _options = options;
            _statistics = statistics;
            _ownsHttp = options.HttpClient is null;
            _http = options.HttpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ApiKey)));
            _endpoint = options.Endpoint.AbsoluteUri.TrimEnd('/');
            _callUrls = new System.Collections.Generic.Dictionary<string, Uri>(StringComparer.Ordinal);
            foreach (string call in new[] { "identify", "track", "page", "group" })
            {
                _callUrls[call] = new Uri(_endpoint + "/" + call);
            }
        }

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
                bool transient;
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
                        return new RipeDeliveryReport(message.Call, message.MessageId, true, lastStatus, lastBody, attempts, null);
                    }

                    transient = IsTransient(response.StatusCode);
                    retryAfter = response.Headers.RetryAfter?.Delta;
                }
                catch (OperationCanceledException ex) when (!stopping.IsCancellationRequested)
                {
                    // The per-attempt timeout fired: the request may or may not have arrived; retrying with the
                    // same messageId is safe.
                    lastException = ex;
                    lastStatus = null;
                    transient = true;
                }
                catch (HttpRequestException ex)
                {
                    lastException = ex;
                    lastStatus = null;
                    transient = true;
                }

                if (!transient || attempts > _options.MaxRetries || stopping.IsCancellationRequested)
                {
                    return new RipeDeliveryReport(message.Call, message.MessageId, false, lastStatus, lastBody, attempts, lastException);
                }

                _statistics.OnRetry();
                try
                {
                    await Task.Delay(retryAfter ?? Backoff(attempts), stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return new RipeDeliveryReport(message.Call, message.MessageId, false, lastStatus, lastBody, attempts, lastException);
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

        private static bool IsTransient(HttpStatusCode status)
        {
            int code = (int)status;
            return code == 408 || code == 429 || code >= 500;
        }

        private TimeSpan Backoff(int attempt)
        {
            double baseMs = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
            double jitter = 0.8 + (_jitter.NextDouble() * 0.4);

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
