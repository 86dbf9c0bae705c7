using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>Delivery against a receiver that fails in every way Ripe (or the network) can.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private const string ApiKey = "fault-key";
    private RipeTestServer _server = null!;

    public Task InitializeAsync()
    {
        _server = RipeTestServer.Start(ApiKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private RipeClientOptions Options(Action<RipeClientOptions>? configure = null)
    {
        var options = new RipeClientOptions
        {
            ApiKey = ApiKey,
            Endpoint = _server.Endpoint,
            AnonymousId = "anon",
            MaxRetries = 50,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(100),
            RequestTimeout = TimeSpan.FromMilliseconds(250),
        };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public async Task Every_event_arrives_exactly_once_by_messageId_through_errors_resets_timeouts_and_an_outage()
    {
        const int count = 400;
        var random = new Random(20261125);
        _server.Faults = _ =>
        {
            int roll;
            lock (random)
            {
                roll = random.Next(100);
            }

            return roll switch
            {
                < 15 => RipeTestReply.WithStatus(500),
                < 25 => RipeTestReply.WithStatus(503),
                < 30 => RipeTestReply.WithStatus(429, TimeSpan.Zero),
                < 35 => RipeTestReply.Reset(),
                < 40 => RipeTestReply.Ok.After(TimeSpan.FromMilliseconds(400)), // past RequestTimeout: stored, but the client retries
                < 45 => RipeTestReply.Ok.After(TimeSpan.FromMilliseconds(50)),
                _ => RipeTestReply.Ok,
            };
        };
        var delivered = new ConcurrentBag<string>();
        var failed = new ConcurrentBag<RipeDeliveryReport>();
        var log = new LogSignals();
        await using var client = new RipeClient(Options(o =>
        {
            o.MaxConcurrentRequests = 8;
            o.OnMessageDelivered = r => delivered.Add(r.MessageId);
            o.OnMessageFailed = failed.Add;
            o.Logger = log;
        }));

        _server.TakeDown();
        for (int i = 0; i < count / 2; i++)
        {
            client.Track("Fault Test", new RipeProperties { ["seq"] = i });
        }

        // Ripe stays down until the client has seen it down several times (every worker fails to connect and backs off):
        // during the outage nothing may be delivered, and nothing given up on.
        await log.WhenLogged("Retrying", 8);

        Assert.Empty(failed);
        Assert.Empty(delivered);
        _server.BringUp();
        for (int i = count / 2; i < count; i++)
        {
            client.Track("Fault Test", new RipeProperties { ["seq"] = i });
        }

        Assert.True(await client.FlushAsync(TimeSpan.FromSeconds(60)));

        Assert.Empty(failed);
        Assert.Equal(count, client.Statistics.Delivered);
        Assert.Equal(count, delivered.Distinct().Count());
        Assert.Equal(delivered.OrderBy(x => x, StringComparer.Ordinal), _server.AcceptedMessageIds.OrderBy(x => x, StringComparer.Ordinal));
        Assert.True(client.Statistics.Retries > 0);

        var posts = _server.Requests.Where(r => r.Method == "POST").ToList();
        var seqs = posts.Select(r => r.Json.GetProperty("properties").GetProperty("seq").GetInt32()).Distinct();
        Assert.Equal(Enumerable.Range(0, count), seqs.OrderBy(x => x));

        // A retry is the same message: same messageId, byte-identical body.
        var retried = posts.GroupBy(r => r.Json.GetProperty("messageId").GetString()).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(retried);
        Assert.All(retried, g => Assert.Single(g.Select(r => r.Body).Distinct()));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(413)]
    public async Task Statuses_retrying_cannot_fix_are_not_retried_and_are_reported(int status)
    {
        _server.Faults = _ => RipeTestReply.WithStatus(status);
        var failed = new ConcurrentBag<RipeDeliveryReport>();
        await using var client = new RipeClient(Options(o => o.OnMessageFailed = failed.Add));

        client.Track("Rejected Event");
        await client.FlushAsync();

        Assert.Single(_server.Requests);
        var report = Assert.Single(failed);
        Assert.Equal(RipeDeliveryOutcome.Rejected, report.Outcome);
        Assert.Equal(status, report.StatusCode);
        Assert.Equal(1, report.Attempts);
        Assert.Equal(1, client.Statistics.Failed);
        Assert.Equal(0, client.Statistics.Retries);
    }

    [Fact]
    public async Task Retry_after_is_honoured_before_the_next_attempt()
    {
        int calls = 0;
        _server.Faults = _ => System.Threading.Interlocked.Increment(ref calls) == 1 ? RipeTestReply.WithStatus(429, TimeSpan.FromSeconds(1)) : RipeTestReply.Ok;
        await using var client = new RipeClient(Options(o => o.RetryMaxDelay = TimeSpan.FromSeconds(5)));

        client.Track("Rate Limited");
        await client.FlushAsync();

        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), "the retry came before Retry-After allowed it");
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Fact]
    public async Task Requests_run_concurrently_up_to_the_configured_limit()
    {
        _server.Faults = new ConcurrencyGate(6).Hold;
        await using var client = new RipeClient(Options(o =>
        {
            o.MaxConcurrentRequests = 6;
            o.RequestTimeout = TimeSpan.FromSeconds(5);
        }));

        for (int i = 0; i < 30; i++)
        {
            client.Track("Concurrent");
        }

        await client.FlushAsync();

        Assert.Equal(30, _server.AcceptedMessageIds.Count);
        Assert.Equal(6, _server.MaxConcurrentRequests); // reached (the gate holds requests until 6 overlap), never passed
    }

    [Fact]
    public async Task Without_a_spool_running_out_of_retries_reports_the_message_as_lost()
    {
        _server.Faults = _ => RipeTestReply.WithStatus(503);
        var failed = new ConcurrentBag<RipeDeliveryReport>();
        await using var client = new RipeClient(Options(o =>
        {
            o.MaxRetries = 2;
            o.OnMessageFailed = failed.Add;
        }));

        client.Track("Doomed");
        await client.FlushAsync();

        var report = Assert.Single(failed);
        Assert.Equal(RipeDeliveryOutcome.RetriesExhausted, report.Outcome);
        Assert.Equal(3, report.Attempts);
        Assert.Equal(3, _server.Requests.Count);
    }
}
