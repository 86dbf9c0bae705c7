using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// When Ripe is flaky, a failing request must not stall the healthy ones: retries wait outside the workers, a
/// Retry-After pauses everyone for that long, an outage opens the breaker. Behaviour only; speed is in benchmarks/.
/// The client runs on a fake clock: time moves only when a test advances it, so backoffs, pauses, breaks and shutdown
/// budgets of seconds take no time, and a test waits on signals (requests received, log lines), never on a sleep.
/// The exact timing rules are DeliveryStateMachineTests'; these prove the wiring through real HTTP.
/// </summary>
public sealed class FlakyRipeTests : IAsyncLifetime
{
    private const string ApiKey = "flaky-key";
    private RipeTestServer _server = null!;

    public Task InitializeAsync()
    {
        _server = RipeTestServer.Start(ApiKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // A client's shutdown budget runs on the fake clock: a test that failed with messages still pending would wait
        // on it forever. Each client is disposed here with the clock moved past any budget, under the real-time guard.
        foreach (var client in _clients)
        {
            var disposing = client.DisposeAsync().AsTask();
            _clock.Advance(TimeSpan.FromDays(1));
            await disposing.WaitAsync(Guard);
        }

        await _server.DisposeAsync();
    }

    // Time moves only when a test advances it.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly LogSignals _log = new();

    // A failure guard on real time: a client waiting on the real clock instead of the fake one fails here.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private RipeClientOptions Options(Action<RipeClientOptions> configure)
    {
        var options = new RipeClientOptions
        {
            ApiKey = ApiKey, Endpoint = _server.Endpoint, AnonymousId = "anon", RequestTimeout = TimeSpan.FromSeconds(5),
            TimeProvider = _clock, Logger = _log,
        };
        configure(options);
        return options;
    }

    private readonly List<RipeClient> _clients = new();

    /// <summary>A client on the fake clock, disposed by <see cref="DisposeAsync"/> even when the test fails.</summary>
    private RipeClient Client(Action<RipeClientOptions> configure)
    {
        var client = new RipeClient(Options(configure));
        _clients.Add(client);
        return client;
    }

    private static string Event(ReceivedRequest request) => request.Json.GetProperty("event").GetString()!;

    [Fact]
    public async Task A_message_waiting_for_its_retry_does_not_hold_up_the_others()
    {
        // One worker: before, it slept through the failed message's backoff and everything else waited behind it.
        int slowAttempts = 0;
        _server.Faults = request => Event(request) == "Slow" && System.Threading.Interlocked.Increment(ref slowAttempts) == 1 ? RipeTestReply.WithStatus(500) : RipeTestReply.Ok;
        var client = Client(o =>
        {
            o.MaxConcurrentRequests = 1;
            o.RetryBaseDelay = TimeSpan.FromSeconds(2);
        });

        client.Track("Slow");
        for (int i = 0; i < 5; i++)
        {
            client.Track("Fast");
        }

        // All five go while the clock stands still: none of them waited for the failed one's 2 s backoff.
        await _server.WaitForRequestsAsync(6, Guard);
        _clock.Advance(TimeSpan.FromSeconds(2.4)); // the longest the backoff can be (2 s + 20% jitter)
        await client.FlushAsync().WaitAsync(Guard);

        var order = _server.Requests.Select(Event).ToList();
        Assert.Equal(new[] { "Slow", "Fast", "Fast", "Fast", "Fast", "Fast", "Slow" }, order);
        Assert.Equal(6, client.Statistics.Delivered);
    }

    [Fact]
    public async Task A_message_is_stamped_with_the_clients_clock()
    {
        var client = Client(_ => { });
        _clock.Advance(TimeSpan.FromMinutes(5));

        client.Track("Stamped");
        var received = (await _server.WaitForRequestsAsync(1, Guard)).Single();

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 12, 5, 0, TimeSpan.Zero), received.Json.GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_Retry_After_pauses_every_worker_for_the_time_asked()
    {
        int requests = 0;
        _server.Faults = _ => Interlocked.Increment(ref requests) == 1 ? RipeTestReply.WithStatus(429, TimeSpan.FromSeconds(60)) : RipeTestReply.Ok;
        var sentAt = new ConcurrentQueue<DateTimeOffset>();
        using var http = new HttpClient(new SendClock(_clock, sentAt) { InnerHandler = new HttpClientHandler() });
        var client = Client(o =>
        {
            o.MaxConcurrentRequests = 4;
            o.RetryMaxDelay = TimeSpan.FromMinutes(2); // a pause longer than the real-time guard
            o.HttpClient = http;
        });
        var start = _clock.GetUtcNow();

        client.Track("First");
        await _log.WhenLogged("pausing all delivery for 60000 ms");
        for (int i = 0; i < 8; i++)
        {
            client.Track("Behind");
        }

        Assert.Equal(RipeDeliveryState.Paused, client.Statistics.DeliveryState);
        _clock.Advance(TimeSpan.FromSeconds(60));
        await client.FlushAsync().WaitAsync(Guard);

        // Every send after the 429 (the retry and the eight behind it) went when the 60 s on the client's clock were over.
        Assert.Equal(10, sentAt.Count);
        Assert.All(sentAt.Skip(1), at => Assert.True(at - start >= TimeSpan.FromSeconds(60), $"sent {(at - start).TotalSeconds} s after the 429"));
        Assert.Equal(9, client.Statistics.Delivered);
        Assert.Equal(RipeDeliveryState.Open, client.Statistics.DeliveryState);
    }

    [Fact]
    public async Task The_breaker_stops_hammering_an_outage_and_closes_on_recovery()
    {
        _server.Faults = _ => RipeTestReply.WithStatus(500);
        var client = Client(o =>
        {
            o.MaxConcurrentRequests = 8;
            o.MaxRetries = 1000;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(400);
        });

        for (int i = 0; i < 40; i++)
        {
            client.Track("Outage", new RipeProperties { ["seq"] = i });
        }

        // 40 first attempts fail; the retries (due within 24 ms) bring the window to 50 failures: the breaker opens.
        await _log.WhenLogged("Retrying", 40);
        _clock.Advance(TimeSpan.FromMilliseconds(24));
        await _log.WhenLogged("Ripe looks down");
        int before = _server.Requests.Count;

        // Five breaks (40, 80, 160, 320, 400 ms): 40 messages retrying on their own would make ~200 attempts in that
        // time; with the breaker, one probe per break (plus what was in flight when it opened).
        for (int probe = 1; probe <= 5; probe++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(400));
            await _log.WhenLogged("probe failed", probe);
        }

        int during = _server.Requests.Count - before;
        Assert.True(during <= 5 + 8, $"{during} attempts in five breaks of outage");
        Assert.NotEqual(RipeDeliveryState.Open, client.Statistics.DeliveryState);

        _server.Faults = null;
        _clock.Advance(TimeSpan.FromMilliseconds(400));
        await _log.WhenLogged("delivery resumes");
        _clock.Advance(TimeSpan.FromMilliseconds(400)); // every scheduled retry is due within RetryMaxDelay
        await client.FlushAsync().WaitAsync(Guard);
        Assert.Equal(40, client.Statistics.Delivered);
        Assert.Equal(RipeDeliveryState.Open, client.Statistics.DeliveryState);
    }

    [Fact]
    public async Task Shutdown_reports_scheduled_retries_or_leaves_them_in_the_spool()
    {
        _server.Faults = _ => RipeTestReply.WithStatus(500);
        var failed = new ConcurrentBag<RipeDeliveryReport>();
        var client = Client(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromSeconds(20); // every retry is far in the future
            o.ShutdownTimeout = TimeSpan.FromMilliseconds(300);
            o.OnMessageFailed = failed.Add;
        });
        for (int i = 0; i < 5; i++)
        {
            client.Track("Doomed");
        }

        await _log.WhenLogged("Retrying", 5);
        // Every retry is 20 s away; disposal cannot wait for them (ShutdownTimeout is 300 ms), so each is reported.
        var disposing = client.DisposeAsync().AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        await disposing.WaitAsync(Guard);

        Assert.Equal(5, failed.Count);
        Assert.All(failed, r => Assert.Equal(RipeDeliveryOutcome.ShutdownTimedOut, r.Outcome));
        Assert.All(failed, r => Assert.Equal(500, r.StatusCode));
    }

    [Fact]
    public async Task With_a_spool_scheduled_retries_survive_shutdown_and_arrive_after_a_restart()
    {
        string spool = Path.Combine(Path.GetTempPath(), "ripetyped-flaky-" + Guid.NewGuid().ToString("N"));
        try
        {
            _server.Faults = _ => RipeTestReply.WithStatus(503);
            var kept = new ConcurrentBag<RipeDeliveryReport>();
            var client = Client(o =>
            {
                o.SpoolDirectory = spool;
                o.RetryBaseDelay = TimeSpan.FromSeconds(20);
                o.ShutdownTimeout = TimeSpan.FromMilliseconds(300);
                o.OnMessageFailed = kept.Add;
            });
            for (int i = 0; i < 5; i++)
            {
                client.Track("Kept", new RipeProperties { ["seq"] = i });
            }

            await _log.WhenLogged("Retrying", 5);
            var disposing = client.DisposeAsync().AsTask();
            _clock.Advance(TimeSpan.FromMilliseconds(300));
            await disposing.WaitAsync(Guard);

            Assert.Equal(5, kept.Count);
            Assert.All(kept, r => Assert.Equal(RipeDeliveryOutcome.KeptInSpool, r.Outcome));
            var ids = kept.Select(r => r.MessageId).OrderBy(x => x).ToList();

            _server.Faults = null;
            var restarted = Client(o => o.SpoolDirectory = spool);
            await restarted.FlushAsync().WaitAsync(Guard);
            await restarted.DisposeAsync().AsTask().WaitAsync(Guard); // releases the spool before it is deleted

            Assert.Equal(ids, _server.AcceptedMessageIds.OrderBy(x => x).ToList());
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    [Fact]
    public async Task Every_attempt_of_a_message_has_its_messageId_and_bytes()
    {
        var random = new Random(26);
        _server.Faults = _ =>
        {
            int roll;
            lock (random)
            {
                roll = random.Next(100);
            }

            return roll switch { < 15 => RipeTestReply.WithStatus(500), < 25 => RipeTestReply.WithStatus(503), < 30 => RipeTestReply.Reset(), _ => RipeTestReply.Ok };
        };
        var client = Client(o =>
        {
            o.MaxConcurrentRequests = 8;
            o.MaxRetries = 50;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
            o.TimeProvider = TimeProvider.System; // many short retries at random: real time, awaited by the flush
        });
        for (int i = 0; i < 200; i++)
        {
            client.Track("Retried", new RipeProperties { ["seq"] = i });
        }

        await client.FlushAsync();

        Assert.Equal(200, client.Statistics.Delivered);
        Assert.True(client.Statistics.Retries > 0);
        foreach (var attempts in _server.Requests.GroupBy(r => r.Json.GetProperty("properties").GetProperty("seq").GetInt32()))
        {
            Assert.Single(attempts.Select(r => r.Json.GetProperty("messageId").GetString()).Distinct());
            Assert.Single(attempts.Select(r => r.Body).Distinct());
        }

        Assert.Equal(200, _server.AcceptedMessageIds.Count);
    }

    /// <summary>Records the client's clock when each request is sent (on the client's side, before any network).</summary>
    private sealed class SendClock(TimeProvider clock, ConcurrentQueue<DateTimeOffset> sentAt) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sentAt.Enqueue(clock.GetUtcNow());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
