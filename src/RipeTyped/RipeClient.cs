using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RipeTyped.Delivery;
using RipeTyped.Delivery.Queue;
using RipeTyped.Serialization;

namespace RipeTyped
{
    /// <summary>
    /// Sends identify, track, page and group calls to Ripe. Calls return at once: messages are validated and
    /// serialized on the calling thread, queued (and written to the spool when one is configured), and delivered by
    /// background workers with retries. <see cref="FlushAsync(CancellationToken)"/> and <see cref="DisposeAsync"/>
    /// wait until everything accepted has been delivered. See <c>docs/delivery.md</c> for the guarantees.
    /// </summary>
    /// <remarks>
    /// Prefer the typed facade generated from <c>tracking-plan.yaml</c>; the string-typed methods here are for
    /// messages the plan does not describe.
    /// </remarks>
    public sealed class RipeClient : IDisposable, IAsyncDisposable
    {
        private readonly RipeClientOptions _options;

        // The delivery pipeline, or for a recording client (RipeTyped.Testing.RipeRecorder) and a dry run a sink that
        // takes each message synchronously and sends nothing: no workers, no sockets.
        private readonly IMessageSink _sink;
        private readonly RipeAmbientContext _ambient;
        private readonly DropLog? _dropLog;
        private int _disposed;

        /// <summary>Creates a client sending to Ripe's default endpoint with an API key.</summary>
        public RipeClient(string apiKey)
            : this(new RipeClientOptions { ApiKey = apiKey })
        {
        }

        /// <summary>Creates a client.</summary>
        /// <exception cref="ArgumentException">The options are incomplete or invalid.</exception>
        public RipeClient(RipeClientOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Validate();
            _options = options;
            _ambient = CreateAmbientContext(options);
            if (options.DryRun)
            {
                // Validated, serialized and logged like a real call; nothing is queued or sent.
                _sink = new HandOverSink(LogDryRun, Statistics, dryRun: true);
                return;
            }

            _dropLog = new DropLog(options.Logger, options.MaxQueueLength);
            _sink = DeliveryPipeline.Start(options, Statistics);
            RipeMetrics.Register(Statistics);
        }

        /// <summary>A client that runs everything a call runs (identity, validation, serialization) and records the message.</summary>
        internal RipeClient(RipeClientOptions options, Action<RecordedMessage> recorder)
        {
            options.Validate();
            _options = options;
            _ambient = CreateAmbientContext(options);
            _sink = new HandOverSink(recorder, Statistics, dryRun: false);
        }

        /// <summary>The ambient user id (set by <see cref="Identify(string, IRipeProperties?)"/>, or the request's user), or null.</summary>
        public string? UserId => _ambient.Identity?.UserId;

        /// <summary>The ambient anonymous id (the process's, or the request's visitor's), or null where there is no ambient identity.</summary>
        public string? AnonymousId => _ambient.Identity?.AnonymousId;

        /// <summary>The ambient group id set by <see cref="Group(string, IRipeProperties?, RipeIdentity?)"/>, or null.</summary>
        public string? GroupId => _ambient.Identity?.GroupId;

        /// <summary>Where calls without an explicit identity take theirs (<see cref="RipeClientOptions.AmbientContext"/>).</summary>
        public RipeAmbientContext AmbientContext => _ambient;

        /// <summary>Delivery counters.</summary>
        public RipeClientStatistics Statistics { get; } = new RipeClientStatistics();

        /// <summary>Identifies the current user: sends an identify call and makes <paramref name="userId"/> the ambient user id.</summary>
        /// <exception cref="ArgumentException"><paramref name="userId"/> is null or blank, or the traits break the plan.</exception>
        public void Identify(string userId, IRipeProperties? traits = null)
        {
            if (string.IsNullOrWhiteSpace(userId))
            {
                throw new ArgumentException("Identify needs a non-blank userId.", nameof(userId));
            }

            var identity = _ambient.Identify(userId);
            Enqueue(new CallContent(RipeCall.Identify, identity.UserId, identity.AnonymousId, traits) { ContextGroupId = identity.GroupId });
        }

        /// <summary>Identifies the user of <paramref name="identity"/> without touching the ambient identity (server apps).</summary>
        public void Identify(RipeIdentity identity, IRipeProperties? traits = null)
        {
            RequireIdentity(identity);
            Enqueue(new CallContent(RipeCall.Identify, identity.UserId, identity.AnonymousId, traits) { ContextGroupId = identity.GroupId });
        }

        /// <summary>Tracks an event by name. Prefer the typed <c>Track…</c> methods generated from the tracking plan.</summary>
        /// <param name="eventName">The event name exactly as Ripe should show it, e.g. <c>Clicked Book a Demo Button</c>.</param>
        /// <param name="properties">The event's properties, or null.</param>
        /// <param name="identity">Who did it; null for the ambient identity.</param>
        public void Track(string eventName, IRipeProperties? properties = null, RipeIdentity? identity = null)
        {
            if (string.IsNullOrWhiteSpace(eventName))
            {
                throw new ArgumentException("Track needs a non-blank event name.", nameof(eventName));
            }

            var who = identity ?? Ambient(RipeCall.Track);
            Enqueue(new CallContent(RipeCall.Track, who.UserId, who.AnonymousId, properties) { EventName = eventName, ContextGroupId = who.GroupId });
        }

        /// <summary>Records a page view.</summary>
        /// <param name="name">The page name, or null.</param>
        /// <param name="properties">The page's properties, or null.</param>
        /// <param name="page">Path, referrer, search, title and URL, sent as <c>context.page</c>; null for the ambient context's page (the request's, in ASP.NET Core), if any.</param>
        /// <param name="identity">Who viewed it; null for the ambient identity.</param>
        public void Page(string? name, IRipeProperties? properties = null, RipePageContext? page = null, RipeIdentity? identity = null)
        {
            var who = identity ?? Ambient(RipeCall.Page);
            Enqueue(new CallContent(RipeCall.Page, who.UserId, who.AnonymousId, properties) { PageName = name, ContextGroupId = who.GroupId, ContextPage = page ?? _ambient.Page });
        }

        /// <summary>
        /// Associates the user with a group (company, workspace, account). With the ambient identity this also
        /// makes <paramref name="groupId"/> the ambient group id sent as <c>context.groupId</c>.
        /// </summary>
        public void Group(string groupId, IRipeProperties? traits = null, RipeIdentity? identity = null)
        {
            if (string.IsNullOrWhiteSpace(groupId))
            {
                throw new ArgumentException("Group needs a non-blank groupId.", nameof(groupId));
            }

            var who = identity ?? _ambient.Group(groupId);
            Enqueue(new CallContent(RipeCall.Group, who.UserId, who.AnonymousId, traits) { GroupId = groupId });
        }

        /// <summary>Forgets the ambient user and group (e.g. at log-out) and starts a new anonymous id.</summary>
        public void Reset() => _ambient.Reset();

        /// <summary>
        /// Waits until every message accepted before this call has been delivered, given up on, or (with a spool)
        /// left safely on disk after its retries.
        /// </summary>
        public Task FlushAsync(CancellationToken cancellationToken = default) =>
            _sink.FlushAsync(Timeout.InfiniteTimeSpan, cancellationToken);

        /// <summary>
        /// Like <see cref="FlushAsync(CancellationToken)"/>, for at most <paramref name="timeout"/>. Returns false when time
        /// ran out first (or the client was disposed before they all finished); the messages not yet delivered stay queued
        /// (and on disk, with a spool).
        /// </summary>
        public Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The flush timeout cannot be negative.");
            }

            return _sink.FlushAsync(timeout, cancellationToken);
        }

        /// <summary>Checks the API key against <c>GET {endpoint}/auth/sdk</c> (a recording client has nothing to check: true).</summary>
        public Task<bool> CheckApiKeyAsync(CancellationToken cancellationToken = default) => _sink.CheckApiKeyAsync(cancellationToken);

        /// <summary>
        /// Stops accepting calls and delivers everything accepted. If Ripe keeps failing past
        /// <see cref="RipeClientOptions.ShutdownTimeout"/>, retries stop: with a spool the rest stays on disk for the
        /// next start, without one each remaining message is reported to <see cref="RipeClientOptions.OnMessageFailed"/>.
        /// Either way one line is logged (a warning with a spool, an error without) with how many messages were not delivered.
        /// </summary>
        public ValueTask DisposeAsync() => new ValueTask(ShutdownAsync(CancellationToken.None));

        /// <summary>
        /// Disposes the client within one budget: stops accepting calls, delivers what is queued for at most
        /// <see cref="RipeClientOptions.ShutdownTimeout"/> or until <paramref name="deadline"/> is cancelled (a host's
        /// shutdown token), whichever comes first, then stops retrying and returns promptly (the rest is spooled or
        /// reported, and logged once). A later <see cref="DisposeAsync"/> or <see cref="Dispose"/> does not wait again.
        /// </summary>
        public async Task ShutdownAsync(CancellationToken deadline)
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            var completion = _sink.CompleteAsync();
            if (!completion.IsCompleted)
            {
                using var timer = CancellationTokenSource.CreateLinkedTokenSource(deadline);
                var budget = DelayOnClock(_options.ShutdownTimeout, timer.Token);
                bool delivered = await Task.WhenAny(completion, budget).ConfigureAwait(false) == completion;
                timer.Cancel();
                if (!delivered)
                {
                    Abort(deadline.IsCancellationRequested
                        ? "the host's shutdown timeout (HostOptions.ShutdownTimeout) ran out first"
                        : $"Ripe did not accept them within RipeClientOptions.ShutdownTimeout ({_options.ShutdownTimeout.TotalSeconds:0.###} s)");
                }
            }

            await completion.ConfigureAwait(false);
            Release();
        }

        /// <summary>Like <see cref="DisposeAsync"/>, blocking the calling thread; prefer <see cref="DisposeAsync"/>.</summary>
        /// <remarks>In the browser, where the one thread cannot block, this starts <see cref="DisposeAsync"/> and returns.</remarks>
        public void Dispose()
        {
#if NET8_0_OR_GREATER
            if (OperatingSystem.IsBrowser())
            {
                _ = ShutdownAsync(CancellationToken.None);
                return;
            }
#endif
            ShutdownAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        /// <summary>Describes the client; the API key is never included.</summary>
        public override string ToString() => $"RipeClient {{ Endpoint = {_options.Endpoint}, Queue = {Statistics.QueueLength}, Spool = {_options.SpoolDirectory ?? "(none)"} }}";

        /// <summary>Stops retrying, and says once how many messages that leaves undelivered and where they went.</summary>
        private void Abort(string reason)
        {
            long inMemory = Statistics.QueueLength;
            long inSpool = Statistics.SpoolPending;
            _sink.Abort();
            if (inMemory == 0 && inSpool == 0)
            {
                return;
            }

            if (_options.SpoolDirectory != null)
            {
                // What the spool holds includes what was spilled to disk only; a message whose spool write failed is not there.
                Delivery.GuardedLogger.Wrap(_options.Logger)?.LogWarning( // a throwing logger must not stop the shutdown half-way
                    "RipeTyped is stopping with {Count} message(s) not yet delivered: {Reason}. They stay in the spool ({SpoolDirectory}) and the next start sends them.",
                    Math.Max(inMemory, inSpool), reason, _options.SpoolDirectory);
            }
            else
            {
                Delivery.GuardedLogger.Wrap(_options.Logger)?.LogError(
                    "RipeTyped is stopping with {Count} message(s) not delivered: {Reason}. They are lost; each was reported to OnMessageFailed as ShutdownTimedOut. A SpoolDirectory keeps them for the next start.",
                    inMemory, reason);
            }
        }

        private void Release()
        {
            _sink.Dispose();
            RipeMetrics.Unregister(Statistics);
        }

        private Task DelayOnClock(TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
            Task.Delay(delay, _options.TimeProvider, cancellationToken);
#else
            _options.TimeProvider.Delay(delay, cancellationToken);
#endif

        private static string NewId() => Guid.NewGuid().ToString("D");

        private static void RequireIdentity(RipeIdentity identity)
        {
            if (identity is null)
            {
                throw new ArgumentNullException(nameof(identity));
            }
        }

        private RipeIdentity Ambient(RipeCall call) =>
            _ambient.Identity ?? throw new InvalidOperationException(_ambient.DescribeMissingIdentity(call.Path()));

        private static RipeAmbientContext CreateAmbientContext(RipeClientOptions options) =>
            options.AmbientContext ?? RipeAmbientContext.ForProcess(options.AnonymousId, options.IdentityStore);

        private void LogDryRun(RecordedMessage message) =>
            _options.Logger?.LogInformation(
                "Dry run (RipeClientOptions.DryRun), not sent: {Call} {Body}",
                message.Content.Call.Path(),
                System.Text.Encoding.UTF8.GetString(message.Body));

        private void Enqueue(in CallContent content)
        {
            string call = content.Call.Path();
            if (Volatile.Read(ref _disposed) != 0)
            {
                throw new ObjectDisposedException(nameof(RipeClient), $"The {call} call came after the RipeClient was disposed; it was not sent.");
            }

            if (content.UserId is null && content.AnonymousId is null)
            {
                throw new ArgumentException($"A Ripe {call} call needs a userId or an anonymousId.");
            }

            if (content.Payload != null && _options.ValidationMode != RipeValidationMode.Off)
            {
                CheckPayload(content);
            }

            string messageId = NewId();
            byte[] body = MessageSerializer.Serialize(messageId, _options.TimeProvider.GetUtcNow(), content);
            if (body.Length > _options.MaxMessageBytes)
            {
                throw new ArgumentException(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} serializes to {1:N0} bytes, over RipeClientOptions.MaxMessageBytes ({2:N0}); it was not sent. Send fewer or shorter properties.",
                    content.Describe(),
                    body.Length,
                    _options.MaxMessageBytes));
            }

            switch (_sink.Accept(content, messageId, body))
            {
                case EnqueueResult.Closed:
                    throw new ObjectDisposedException(nameof(RipeClient), $"The {call} call came after the RipeClient was disposed; it was not sent.");
                case EnqueueResult.Dropped:
                    Statistics.OnDropped();
                    _dropLog!.Dropped(call, messageId);
                    _options.OnMessageDropped?.Invoke(new RipeDeliveryReport(call, messageId, RipeDeliveryOutcome.Dropped, null, null, 0, null));
                    return;
                case EnqueueResult.Handed:
                    return;
                default:
                    Statistics.OnEnqueued();
                    return;
            }
        }

        private void CheckPayload(in CallContent content)
        {
            string call = content.Call.Path();
            var errors = new List<RipeValidationError>();
            content.Payload!.Validate(errors, content.Call.PayloadName());
            if (errors.Count == 0)
            {
                return;
            }

            var exception = new RipeValidationException($"The {call} call", errors);
            if (_options.ValidationMode == RipeValidationMode.Throw)
            {
                throw exception;
            }

            _options.Logger?.LogWarning("Sending a {Call} call that breaks the tracking plan: {Errors}", call, exception.Message);
            _options.OnValidationFailed?.Invoke(exception);
        }
    }
}
