using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>The in-memory queue never grows past MaxQueueLength; what does not fit is dropped (counted, reported) or spooled.</summary>
public sealed class QueueBoundTests : IAsyncLifetime
{
    private RipeTestServer _server = null!;
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "ripetyped-bound-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        _server = RipeTestServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_spool))
        {
            Directory.Delete(_spool, recursive: true);
        }
    }

    [Fact]
    public async Task With_the_endpoint_hanging_a_full_queue_drops_new_messages_and_reports_each()
    {
        _server.Faults = _ => RipeTestReply.Ok.After(TimeSpan.FromSeconds(1));
        var dropped = new ConcurrentBag<RipeDeliveryReport>();
        var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "k",
            Endpoint = _server.Endpoint,
            MaxQueueLength = 50,
            MaxConcurrentRequests = 2,
            RequestTimeout = TimeSpan.FromSeconds(10),
            OnMessageDropped = dropped.Add,
        });

        for (int i = 0; i < 1000; i++)
        {
            client.Track("Flood");
            Assert.InRange(client.Statistics.QueueLength, 0, 50);
        }

        Assert.Equal(1000, client.Statistics.Enqueued + client.Statistics.Dropped);
        Assert.InRange(client.Statistics.Enqueued, 50, 52); // the queue plus at most one message taken by each worker
        Assert.Equal(client.Statistics.Dropped, dropped.Count);
        Assert.All(dropped, r => Assert.Equal(RipeDeliveryOutcome.Dropped, r.Outcome));

        _server.Faults = null; // Ripe answers promptly again: everything accepted is delivered
        await client.DisposeAsync();
        Assert.Equal(client.Statistics.Enqueued, _server.AcceptedMessageIds.Count);
    }

    [Fact]
    public async Task Memory_stays_bounded_while_the_endpoint_is_down()
    {
        _server.TakeDown();
        var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "k",
            Endpoint = _server.Endpoint,
            MaxQueueLength = 1000,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            ShutdownTimeout = TimeSpan.Zero,
        });
        var properties = new RipeProperties { ["payload"] = new string('x', 400) };

        long before = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < 200_000; i++)
        {
            client.Track("Flood", properties);
        }

        long grown = GC.GetTotalMemory(forceFullCollection: true) - before;

        // Unbounded, 200,000 messages of ~500 bytes would hold ~100 MB; the 1,000-message queue holds under 1 MB.
        Assert.True(grown < 16 * 1024 * 1024, $"managed heap grew by {grown:N0} bytes");
        Assert.InRange(client.Statistics.QueueLength, 0, 1000);
        Assert.True(client.Statistics.Dropped >= 199_000 - 4);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task With_a_spool_a_full_queue_spills_to_disk_and_everything_is_delivered_once_ripe_is_back()
    {
        _server.TakeDown();
        await using var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "k",
            Endpoint = _server.Endpoint,
            MaxQueueLength = 100,
            SpoolDirectory = _spool,
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        });

        for (int i = 0; i < 3000; i++)
        {
            client.Track("Spill", new RipeProperties { ["seq"] = i });
            Assert.InRange(client.Statistics.QueueLength, 0, 100);
        }

        Assert.Equal(3000, client.Statistics.Enqueued);
        Assert.Equal(0, client.Statistics.Dropped);
        Assert.True(client.Statistics.SpilledToDisk >= 2800);
        Assert.False(await client.FlushAsync(TimeSpan.FromMilliseconds(300)));

        _server.BringUp();
        Assert.True(await client.FlushAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(3000, _server.AcceptedMessageIds.Count);
        Assert.Equal(0, client.Statistics.Failed);
        Assert.Equal(0, client.Statistics.SpoolPending);
        var seqs = _server.Requests.Where(r => r.Method == "POST").Select(r => r.Json.GetProperty("properties").GetProperty("seq").GetInt32()).Distinct();
        Assert.Equal(3000, seqs.Count());
    }
}
