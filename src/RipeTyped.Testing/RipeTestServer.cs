using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RipeTyped.Delivery;

namespace RipeTyped.Testing
{
    /// <summary>
    /// A Ripe-compatible receiver on 127.0.0.1: accepts <c>POST {base}/identify|track|page|group</c> and
    /// <c>GET {base}/auth/sdk</c>, checks them as the Ripe API would (Basic auth, JSON body, messageId, timestamp,
    /// userId or anonymousId) and records every request. Point <c>RipeClientOptions.Endpoint</c> at <see cref="Endpoint"/>.
    /// Browser apps on another origin may call it: it answers CORS preflights (not recorded) and allows any origin.
    /// </summary>
    public sealed class RipeTestServer : IAsyncDisposable
    {
        private readonly HttpListener _listener;
        private readonly List<ReceivedRequest> _requests = new List<ReceivedRequest>();
        private readonly object _gate = new object();
        private readonly HashSet<string> _accepted = new HashSet<string>(StringComparer.Ordinal);
        private readonly Task _loop;
        private int _concurrent;
        private bool _down;
        private int _maxConcurrent;
        private TaskCompletionSource<bool> _changed = NewSignal();
        private readonly string _basePath;
        private readonly string? _expectedAuthorization;

        private RipeTestServer(HttpListener listener, Uri endpoint, string? apiKey)
        {
            _listener = listener;
            Endpoint = endpoint;
            _basePath = endpoint.AbsolutePath.TrimEnd('/');
            _expectedAuthorization = apiKey is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey));
            _loop = Task.Run(AcceptLoopAsync);
        }

        /// <summary>The base URL to give the client, e.g. <c>http://127.0.0.1:5123/event</c>.</summary>
        public Uri Endpoint { get; }

        /// <summary>
        /// Decides how each valid request is answered: a status (with <c>Retry-After</c>), a delay, or a dropped
        /// connection. Null answers 200. Requests are handled concurrently.
        /// </summary>
        public Func<ReceivedRequest, RipeTestReply>? Faults { get; set; }

        /// <summary>
        /// Shorthand for <see cref="Faults"/> when only the status matters (default: 200). Use it to simulate
        /// outages: return 500 or 429 to make the client retry.
        /// </summary>
        public Func<ReceivedRequest, int>? Responder
        {
            set => Faults = value is null ? null : request => RipeTestReply.WithStatus(value(request));
        }

        /// <summary>The distinct <c>messageId</c>s answered with 2xx: what Ripe would have stored.</summary>
        public IReadOnlyCollection<string> AcceptedMessageIds
        {
            get
            {
                lock (_gate)
                {
                    return _accepted.ToList();
                }
            }
        }

        /// <summary>The most requests that were being handled at the same time.</summary>
        public int MaxConcurrentRequests => Volatile.Read(ref _maxConcurrent);

        /// <summary>
        /// A Ripe outage until <see cref="BringUp"/>: every request that arrives is answered 503 Service Unavailable, as a
        /// load balancer answers for a backend that is down, and is not recorded; the client retries it. A request already
        /// being answered is answered as before.
        /// </summary>
        public void TakeDown()
        {
            // The listener keeps listening: .NET's managed HttpListener, stopped and started again while a client
            // connects (as a client retrying through the outage does), can fail to start and leave the port bound by a
            // socket nobody accepts on (dotnet/corefx#35191, dotnet/runtime#37242).
            Volatile.Write(ref _down, true);
        }

        /// <summary>Answers again after <see cref="TakeDown"/>.</summary>
        public void BringUp() => Volatile.Write(ref _down, false);

        /// <summary>Waits until at least <paramref name="count"/> distinct messages have been accepted.</summary>
        /// <exception cref="TimeoutException">They were not accepted in time.</exception>
        public Task WaitForAcceptedAsync(int count, TimeSpan timeout) =>
            WaitUntilAsync(_ => AcceptedMessageIds.Count >= count, timeout, () => $"Expected {count} accepted messages at the Ripe test server, got {AcceptedMessageIds.Count}.");

        /// <summary>
        /// Waits until <paramref name="condition"/> holds for the requests received so far, checking it whenever a request
        /// arrives or is answered (no polling), and returns them.
        /// </summary>
        /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>.</exception>
        public Task<IReadOnlyList<ReceivedRequest>> WaitUntilAsync(Func<IReadOnlyList<ReceivedRequest>, bool> condition, TimeSpan timeout) =>
            WaitUntilAsync(condition, timeout, () => $"The condition on the Ripe test server's requests did not hold in {timeout}; it got {Requests.Count} request(s).");

        private async Task<IReadOnlyList<ReceivedRequest>> WaitUntilAsync(Func<IReadOnlyList<ReceivedRequest>, bool> condition, TimeSpan timeout, Func<string> failure)
        {
            var deadline = DateTime.UtcNow + timeout;
            using var timer = new CancellationTokenSource();
            while (true)
            {
                // Taken before the check: a request arriving during the check completes it, so none is missed.
                var changed = Volatile.Read(ref _changed).Task;
                var snapshot = Requests;
                if (condition(snapshot))
                {
                    timer.Cancel();
                    return snapshot;
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException(failure());
                }

                await Task.WhenAny(changed, Task.Delay(left, timer.Token)).ConfigureAwait(false);
            }
        }

        private void Changed() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult(true);

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Every request received so far, in arrival order.</summary>
        public IReadOnlyList<ReceivedRequest> Requests
        {
            get
            {
                lock (_gate)
                {
                    return _requests.ToList();
                }
            }
        }

        /// <summary>Starts a receiver on a free loopback port.</summary>
        /// <param name="apiKey">When set, requests whose Authorization is not Basic base64(apiKey) get 401.</param>
        public static RipeTestServer Start(string? apiKey = null)
        {
            for (int attempt = 0; ; attempt++)
            {
                int port = FreePort();
                var listener = new HttpListener();
                string prefix = $"http://127.0.0.1:{port}/";
                listener.Prefixes.Add(prefix);
                try
                {
                    listener.Start();
                    return new RipeTestServer(listener, new Uri(prefix + "event"), apiKey);
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                    // Another process took the port between probing and binding; try another.
                    listener.Close();
                }
            }
        }

        /// <summary>Waits until at least <paramref name="count"/> requests have arrived.</summary>
        /// <exception cref="TimeoutException">They did not arrive in time.</exception>
        public Task<IReadOnlyList<ReceivedRequest>> WaitForRequestsAsync(int count, TimeSpan timeout) =>
            WaitUntilAsync(requests => requests.Count >= count, timeout, () => $"Expected {count} requests at the Ripe test server, got {Requests.Count}.");

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException)
            {
                // Stopping the listener ends the accept loop with one of these.
            }
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private async Task AcceptLoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(() => HandleSafelyAsync(context));
            }
        }

        private async Task HandleSafelyAsync(HttpListenerContext context)
        {
            int now = Interlocked.Increment(ref _concurrent);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxConcurrent)) && Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
            {
            }

            try
            {
                await HandleAsync(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is IOException || ex is InvalidOperationException)
            {
                // The client went away or the server is stopping: nothing to answer.
            }
            finally
            {
                Interlocked.Decrement(ref _concurrent);
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            var request = context.Request;

            // A browser app (Blazor WebAssembly) posts from another origin: allow it as Ripe's endpoint must, and let it
            // read Retry-After. The preflight is answered here and not recorded: it carries no message.
            context.Response.Headers["Access-Control-Allow-Origin"] = "*";
            context.Response.Headers["Access-Control-Expose-Headers"] = "Retry-After";
            if (request.HttpMethod == "OPTIONS")
            {
                context.Response.Headers["Access-Control-Allow-Methods"] = "POST, GET";
                context.Response.Headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type";
                context.Response.StatusCode = 204;
                context.Response.Close();
                return;
            }

            string body;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            if (Volatile.Read(ref _down))
            {
                // As a load balancer answers for a backend that is down: after the CORS headers (a browser app sees the
                // 503) and the body (a client still sending it sees the 503, not a broken pipe). Abort() alone is no
                // outage: it can still answer "200 OK" on Linux.
                context.Response.StatusCode = 503;
                context.Response.Close();
                return;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string? name in request.Headers.AllKeys)
            {
                if (name != null)
                {
                    headers[name] = request.Headers[name] ?? "";
                }
            }

            var received = new ReceivedRequest(request.HttpMethod, request.Url?.AbsolutePath ?? "", headers, body);
            lock (_gate)
            {
                _requests.Add(received);
            }

            Changed();

            var (status, message) = Check(received);
            var reply = status == 200 && Faults != null ? Faults(received) : null;
            if (reply != null)
            {
                if (reply.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(reply.Delay).ConfigureAwait(false);
                }

                if (reply.ResetConnection)
                {
                    // HttpListener's Abort alone can still answer "200 OK" on Linux; promise a body, send part of a 503,
                    // then cut the connection, so the client sees a broken response as it would from a real reset.
                    context.Response.StatusCode = 503;
                    context.Response.ContentLength64 = 1024;
                    await context.Response.OutputStream.WriteAsync(new byte[16], 0, 16).ConfigureAwait(false);
                    await context.Response.OutputStream.FlushAsync().ConfigureAwait(false);
                    context.Response.Abort();
                    return;
                }

                status = reply.Status;
                message = status == 200 ? message : "simulated failure";
                if (reply.RetryAfter is TimeSpan retryAfter)
                {
                    context.Response.Headers["Retry-After"] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            if (status >= 200 && status < 300 && request.HttpMethod == "POST")
            {
                lock (_gate)
                {
                    _accepted.Add(received.Json.GetProperty("messageId").GetString()!);
                }

                Changed();
            }

            byte[] answer = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object> { ["status"] = status, ["message"] = message }));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = answer.Length;
            await context.Response.OutputStream.WriteAsync(answer).ConfigureAwait(false);
            context.Response.Close();
        }

        private (int Status, string Message) Check(ReceivedRequest request)
        {
            if (_expectedAuthorization != null &&
                (!request.Headers.TryGetValue("Authorization", out var auth) || auth != _expectedAuthorization))
            {
                return (401, "invalid API key");
            }

            string path = request.Path;
            if (request.Method == "GET" && path == _basePath + "/auth/sdk")
            {
                return (200, "ok");
            }

            if (request.Method != "POST" || !(request.KnownCall is RipeCall call) || path != _basePath + "/" + call.Path())
            {
                return (404, $"unknown route {request.Method} {path}");
            }

            JsonElement json;
            try
            {
                json = request.Json;
            }
            catch (JsonException ex)
            {
                return (400, "body is not JSON: " + ex.Message);
            }

            if (json.ValueKind != JsonValueKind.Object)
            {
                return (400, "body must be a JSON object");
            }

            foreach (string required in RequiredFields(call))
            {
                if (!json.TryGetProperty(required, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
                {
                    return (400, $"'{required}' is required");
                }
            }

            if (!json.TryGetProperty("userId", out _) && !json.TryGetProperty("anonymousId", out _))
            {
                return (400, "userId or anonymousId is required");
            }

            if (!DateTimeOffset.TryParse(json.GetProperty("timestamp").GetString(), out _))
            {
                return (400, "timestamp must be an ISO-8601 date-time");
            }

            return (200, "ok");
        }

        private static IEnumerable<string> RequiredFields(RipeCall call)
        {
            yield return "messageId";
            yield return "timestamp";
            if (call == RipeCall.Track)
            {
                yield return "event";
            }

            if (call == RipeCall.Group)
            {
                yield return "groupId";
            }
        }
    }
}
