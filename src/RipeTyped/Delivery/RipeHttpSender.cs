using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RipeTyped.Delivery.Policy;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// Posts one serialized message once and classifies the answer. Retrying is the delivery queue's business
    /// (<see cref="Queue.DeliveryWorkers"/>, <see cref="Policy.DeliveryStateMachine"/>): a message that must wait for its backoff waits outside the workers, so one failing
    /// request never holds up the healthy ones. Hand-rolled rather than a Polly pipeline: the runtime stays free of
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
        private readonly ILogger? _logger;
        private readonly DeliveryClock _clock;
        private readonly bool _readDeliveredBody;
        private readonly Uri[] _callUrls = new Uri[RipeCalls.All.Length];


        public RipeHttpSender(RipeClientOptions options, DeliveryClock clock)
        {
            _options = options;
            _clock = clock;
            _readDeliveredBody = options.OnMessageDelivered != null;
            _logger = GuardedLogger.Wrap(options.Logger);
            _ownsHttp = options.HttpClient is null;
            _http = options.HttpClient ?? new HttpClient(options.CreateHttpMessageHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ApiKey)));
            _endpoint = options.Endpoint.AbsoluteUri.TrimEnd('/');
            foreach (RipeCall call in RipeCalls.All)
            {
                _callUrls[(int)call] = new Uri(_endpoint + "/" + call.Path());
            }
        }

        /// <summary>One attempt: the same messageId and bytes every time. Never throws for HTTP or network failures.</summary>
        public async Task<SendAttempt> AttemptAsync(OutgoingMessage message, CancellationToken stopping)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _callUrls[(int)message.Call]);
                request.Headers.Authorization = _authorization;
                request.Content = new ByteArrayContent(message.Body);
                request.Content.Headers.ContentType = JsonContentType;

                using var timeout = _clock.CancelAfter(_options.RequestTimeout, stopping);
                // Headers first: a 2xx body is read only for a delivery callback that reports it; otherwise the handler
                // drains it when the response is disposed, and the connection is reused without a copy or a string per message.
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    string? deliveredBody = null;
                    if (_readDeliveredBody)
                    {
                        try
                        {
                            deliveredBody = await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException)
                        {
                            // The status says Ripe accepted it: a body cut off by the timeout or shutdown does not undo that.
                        }
                    }

                    return SendAttempt.Delivered(status, deliveredBody);
                }

                string? body = await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false);

                if (!RetryPolicy.IsTransient(response.StatusCode))
                {
                    _logger?.LogError(
                        "Ripe rejected {Call} {MessageId} with HTTP {Status}: {Body}. Not retried: the message is dropped.",
                        message.Call.Path(), message.MessageId, status, body);
                    return SendAttempt.Rejected(status, body);
                }

                return SendAttempt.Transient(status, body, null, RetryPolicy.RetryAfter(response.Headers.RetryAfter, _clock.UtcNow, _options.RetryMaxDelay));
            }
            catch (OperationCanceledException ex) when (!stopping.IsCancellationRequested)
            {
                // The per-attempt timeout fired: the request may or may not have arrived; retrying with the same messageId is safe.
                return SendAttempt.Transient(null, null, new TimeoutException($"No answer from Ripe within RequestTimeout ({_options.RequestTimeout}).", ex), null);
            }
            catch (HttpRequestException ex)
            {
                return SendAttempt.Transient(null, null, ex, null);
            }
            catch (OperationCanceledException)
            {
                return SendAttempt.Stopped;
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

        /// <summary>Why a message stopped being retried at shutdown.</summary>
        internal static OperationCanceledException ShutdownTimedOut() =>
            new OperationCanceledException("Not delivered: the client was disposed while Ripe kept failing, and RipeClientOptions.ShutdownTimeout ran out.");

        // Reads at most MaxResponseBodyChars of the answer, within the attempt's timeout (headers-first responses leave the
        // body to us). A body that breaks off is not worth failing the attempt for: the status already says what happened.
        /// <summary>The length of <paramref name="bytes"/> without a trailing UTF-8 sequence that the cut left incomplete.</summary>
        internal static int WholeUtf8Length(byte[] bytes, int length)
        {
            int lead = length - 1;
            while (lead >= 0 && length - lead < 4 && (bytes[lead] & 0xC0) == 0x80)
            {
                lead--;
            }

            if (lead < 0)
            {
                return length;
            }

            byte first = bytes[lead];
            int needed = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
            return lead + needed > length ? lead : length;
        }

        private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (response.Content is null)
            {
                return null;
            }

            try
            {
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                var buffer = new byte[MaxResponseBodyChars];
                int length = 0, read;
                while (length < buffer.Length && (read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                // At most as many chars as bytes; a cut-off body ends before a character split by the cut.
                return Encoding.UTF8.GetString(buffer, 0, length == buffer.Length ? WholeUtf8Length(buffer, length) : length);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is HttpRequestException)
            {
                return null;
            }
        }
    }
}
