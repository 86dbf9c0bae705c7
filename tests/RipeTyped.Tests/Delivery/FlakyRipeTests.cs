using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// When Ripe is flaky, a failing request must not stall the healthy ones: retries wait outside the workers, a
/// Retry-After pauses everyone for that long, an outage opens the breaker. Behaviour only; speed is in benchmarks/.
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

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private RipeClientOptions Options(Action<RipeClientOptions> configure)
    {
        var options = new RipeClientOptions { ApiKey = ApiKey, Endpoint = _server.Endpoint, AnonymousId = "anon", RequestTimeout = TimeSpan.FromSeconds(5) };
        configure(options);
        return options;
    }

    private static string Event(ReceivedRequest request) => request.Json.GetProperty("event").GetString()!;

    [Fact]
    public async Task A_message_waiting_for_its_retry_does_not_hold_up_the_others()
    {
        // One worker: before, it slept through the failed message's backoff and everything else waited behind it.
        int slowAttempts = 0;
        _server.Faults = request => Event(request) == "Slow" && System.Threading.Interlocked.Increment(ref slowAttempts) == 1 ? RipeTestReply.WithStatus(500) : RipeTestReply.Ok;
        await using var client = new RipeClient(Options(o =>
        {
            o.MaxConcurrentRequests = 1;
            o.RetryBaseDelay = TimeSpan.FromSeconds(2);
        }));

        client.Track("Slow");
        for (int i = 0; i < 5; i++)
        {
            client.Track("Fast");
        }

        await client.FlushAsync();

        var order = _server.Requests.Select(Event).ToList();
        Assert.Equal(new[] { "Slow", "Fast", "Fast", "Fast", "Fast", "Fast", "Slow" }, order);
        Assert.Equal(6, client.Statistics.Delivered);
    }

    [Fact]
    public async Task A_Retry_After_pauses_every_worker_for_the_time_asked()
    {
        int requests = 0;
        _server.Faults = _ => System.Threading.Interlocked.Increment(ref requests) == 1 ? RipeTestReply.WithStatus(429, TimeSpan.FromSeconds(1)) : RipeTestReply.Ok;
        await using var client = new RipeClient(Options(o => o.MaxConcurrentRequests = 4));

        client.Track("First");
        var limited = (await _server.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10))).Single();
        await WaitUntil(() => client.Statistics.DeliveryState == RipeDeliveryState.Paused || client.Statistics.Retries > 0);
        for (int i = 0; i < 8; i++)
        {
            client.Track("Behind");
        }

        await client.FlushAsync();

        var after = _server.Requests.Skip(1).ToList();
        Assert.Equal(9, after.Count);
        Assert.All(after, r => Assert.True(r.ReceivedAt - limited.ReceivedAt >= TimeSpan.FromMilliseconds(950), $"sent {(r.ReceivedAt - limited.ReceivedAt).TotalMilliseconds} ms after the 429"));
        Assert.Equal(RipeDeliveryState.Open, client.Statistics.DeliveryState);
    }

    [Fact]
    public async Task The_breaker_stops_hammering_an_outage_and_closes_on_recovery()
    {
        _server.Faults = _ => RipeTestReply.WithStatus(500);
        await using var client = new RipeClient(Options(o =>
        {
            o.MaxConcurrentRequests = 8;
            o.MaxRetries = 1000;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(400);
        }));

        for (int i = 0; i < 40; i++)
        {
            client.Track("Outage", new RipeProperties { ["seq"] = i });
        }

        await WaitUntil(() => client.Statistics.Breaks > 0);
        await Task.Delay(800); // the breaker's break grows to 400 ms
        int before = _server.Requests.Count;
        await Task.Delay(2000);
        int during = _server.Requests.Count - before;

        // 40 messages retrying on their own every ≤ 400 ms would make ~200 attempts in 2 s; the breaker lets probes through.
        Assert.True(during <= 12, $"{during} attempts in 2 s of outage");
        Assert.NotEqual(RipeDeliveryState.Open, client.Statistics.DeliveryState);

        _server.Faults = null;
        await client.FlushAsync();
        Assert.Equal(40, client.Statistics.Delivered);
        Assert.Equal(RipeDeliveryState.Open, client.Statistics.DeliveryState);
    }

    [Fact]
    public async Task Shutdown_reports_scheduled_retries_or_leaves_them_in_the_spool()
    {
        _server.Faults = _ => RipeTestReply.WithStatus(500);
        var failed = new ConcurrentBag<RipeDeliveryReport>();
        var client = new RipeClient(Options(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromSeconds(20); // every retry is far in the future
            o.ShutdownTimeout = TimeSpan.FromMilliseconds(300);
            o.OnMessageFailed = failed.Add;
        }));
        for (int i = 0; i < 5; i++)
        {
            client.Track("Doomed");
        }

        await WaitUntil(() => client.Statistics.ScheduledRetries == 5);
        // Every retry is 20 s away; disposal cannot wait for them (ShutdownTimeout is 300 ms), so each is reported.
        await client.DisposeAsync();

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
            await using (var client = new RipeClient(Options(o =>
            {
                o.SpoolDirectory = spool;
                o.RetryBaseDelay = TimeSpan.FromSeconds(20);
                o.ShutdownTimeout = TimeSpan.FromMilliseconds(300);
                o.OnMessageFailed = kept.Add;
            })))
            {
                for (int i = 0; i < 5; i++)
                {
                    client.Track("Kept", new RipeProperties { ["seq"] = i });
                }

                await WaitUntil(() => client.Statistics.ScheduledRetries == 5);
            }

            Assert.Equal(5, kept.Count);
            Assert.All(kept, r => Assert.Equal(RipeDeliveryOutcome.KeptInSpool, r.Outcome));
            var ids = kept.Select(r => r.MessageId).OrderBy(x => x).ToList();

            _server.Faults = null;
            await using (var restarted = new RipeClient(Options(o => o.SpoolDirectory = spool)))
            {
                await restarted.FlushAsync();
            }

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
        await using var client = new RipeClient(Options(o =>
        {
            o.MaxConcurrentRequests = 8;
            o.MaxRetries = 50;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
        }));
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

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in 15 s");
            await Task.Delay(10);
        }
    }
}
