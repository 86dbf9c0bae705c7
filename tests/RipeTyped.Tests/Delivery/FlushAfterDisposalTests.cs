using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// A flush after disposal (another hosted service stopping after the client, say) must end: the generations still
/// pending at disposal (records left in the spool) are answered "not drained" then, and so must every later flush be.
/// </summary>
public sealed class FlushAfterDisposalTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // a failure guard only
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "ripetyped-late-flush-" + Guid.NewGuid().ToString("N"));
    private RipeTestServer _server = null!;

    public Task InitializeAsync()
    {
        _server = RipeTestServer.Start("k");
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
    public async Task Flushes_after_disposal_end_when_the_spool_kept_messages()
    {
        _server.Faults = _ => RipeTestReply.WithStatus(503);
        var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "k", Endpoint = _server.Endpoint, AnonymousId = "a", SpoolDirectory = _spool,
            MaxQueueLength = 2, // two in memory (retrying on a clock that never moves), the other three spilled to disk
            TimeProvider = new FakeTimeProvider(),
        });
        for (int i = 0; i < 5; i++)
        {
            client.Track("Kept");
        }

        using (var spent = new CancellationTokenSource())
        {
            spent.Cancel();
            await client.ShutdownAsync(spent.Token); // stops at once: the spilled three stay on disk, never read back
        }

        await client.FlushAsync().WaitAsync(Guard);
        await client.FlushAsync().WaitAsync(Guard);
        Assert.False(await client.FlushAsync(TimeSpan.FromDays(1)).WaitAsync(Guard), "a flush that ended undelivered reported success");
        Assert.Equal(5, client.Statistics.SpoolPending);
    }

    [Fact]
    public async Task A_flush_after_a_clean_disposal_reports_everything_delivered()
    {
        var client = new RipeClient(new RipeClientOptions { ApiKey = "k", Endpoint = _server.Endpoint, AnonymousId = "a" });
        client.Track("Delivered");
        await client.DisposeAsync().AsTask().WaitAsync(Guard);

        Assert.Equal(1, client.Statistics.Delivered);
        Assert.True(await client.FlushAsync(TimeSpan.FromSeconds(1)).WaitAsync(Guard), "nothing was left, yet the flush said so");
    }
}
