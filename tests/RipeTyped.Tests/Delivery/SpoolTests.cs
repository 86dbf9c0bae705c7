using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>The durable spool: what a stopped client leaves on disk is delivered by the next one, torn files included.</summary>
public sealed class SpoolTests : IAsyncLifetime
{
    private const string ApiKey = "spool-secret-key-4711";
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "ripetyped-spool-" + Guid.NewGuid().ToString("N"));
    private RipeTestServer _server = null!;

    public Task InitializeAsync()
    {
        _server = RipeTestServer.Start(ApiKey);
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

    private RipeClientOptions Options(Action<RipeClientOptions>? configure = null)
    {
        var options = new RipeClientOptions
        {
            ApiKey = ApiKey,
            Endpoint = _server.Endpoint,
            AnonymousId = "anon",
            SpoolDirectory = _spool,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Tracks <paramref name="count"/> events while Ripe is down, then stops the client at once.</summary>
    private async Task<ConcurrentBag<RipeDeliveryReport>> LeaveInSpoolAsync(int count)
    {
        _server.TakeDown();
        var kept = new ConcurrentBag<RipeDeliveryReport>();
        var client = new RipeClient(Options(o =>
        {
            o.ShutdownTimeout = TimeSpan.FromMilliseconds(200);
            o.OnMessageFailed = kept.Add;
        }));
        for (int i = 0; i < count; i++)
        {
            client.Track("Spooled", new RipeProperties { ["seq"] = i });
        }

        await client.DisposeAsync();
        _server.BringUp();
        return kept;
    }

    private async Task<RipeClient> DrainAsync()
    {
        var client = new RipeClient(Options());
        Assert.True(await client.FlushAsync(TimeSpan.FromSeconds(30)));
        await client.DisposeAsync();
        return client;
    }

    private int[] ReceivedSeqs() => _server.Requests.Where(r => r.Method == "POST")
        .Select(r => r.Json.GetProperty("properties").GetProperty("seq").GetInt32()).Distinct().OrderBy(x => x).ToArray();

    private string[] SegmentFiles() => Directory.GetFiles(_spool, "*.ripe").OrderBy(f => f, StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Messages_undelivered_at_shutdown_stay_on_disk_and_the_next_client_delivers_them()
    {
        var kept = await LeaveInSpoolAsync(50);

        Assert.Equal(50, kept.Count);
        Assert.All(kept, r => Assert.Equal(RipeDeliveryOutcome.KeptInSpool, r.Outcome));
        Assert.NotEmpty(SegmentFiles());

        var next = await DrainAsync();

        Assert.Equal(50, next.Statistics.Delivered);
        Assert.Equal(Enumerable.Range(0, 50), ReceivedSeqs());
        Assert.Equal(50, _server.AcceptedMessageIds.Count);
        Assert.Equal(kept.Select(r => r.MessageId).OrderBy(x => x), _server.AcceptedMessageIds.OrderBy(x => x));
        Assert.Empty(SegmentFiles());
    }

    [Fact]
    public async Task A_torn_last_record_is_skipped_and_the_records_before_it_are_delivered()
    {
        await LeaveInSpoolAsync(20);
        string segment = SegmentFiles().Single();
        long length = new FileInfo(segment).Length;
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(length - 7); // the crash came in the middle of writing the last record
        }

        await DrainAsync();

        Assert.Equal(Enumerable.Range(0, 19), ReceivedSeqs());
    }

    [Fact]
    public async Task A_damaged_record_in_the_middle_does_not_poison_the_records_after_it()
    {
        await LeaveInSpoolAsync(20);
        string segment = SegmentFiles().Single();
        byte[] data = File.ReadAllBytes(segment);
        int tenth = IndexOfNth(data, Encoding.ASCII.GetBytes("\"seq\":10"), 1);
        data[tenth + 3] ^= 0xFF; // flip a byte inside record 10's payload: its checksum no longer matches
        File.WriteAllBytes(segment, data.Concat(Encoding.ASCII.GetBytes("garbage after the end")).ToArray());

        await DrainAsync();

        Assert.Equal(Enumerable.Range(0, 20).Where(i => i != 10), ReceivedSeqs());
        Assert.Empty(SegmentFiles());
    }

    [Fact]
    public async Task Delivered_messages_are_not_sent_again_after_a_restart()
    {
        await using (var client = new RipeClient(Options()))
        {
            for (int i = 0; i < 30; i++)
            {
                client.Track("Spooled", new RipeProperties { ["seq"] = i });
            }

            Assert.True(await client.FlushAsync(TimeSpan.FromSeconds(30)));
        }

        await DrainAsync();

        Assert.Equal(30, _server.Requests.Count);
        Assert.Empty(SegmentFiles());
    }

    [Fact]
    public async Task The_spool_never_holds_the_api_key_and_one_directory_serves_one_client_at_a_time()
    {
        _server.TakeDown();
        await using var client = new RipeClient(Options(o => o.ShutdownTimeout = TimeSpan.Zero));
        client.Track("Spooled", new RipeProperties { ["seq"] = 1 });

        var second = Assert.Throws<IOException>(() => new RipeClient(Options()));
        Assert.Contains("in use by another RipeClient", second.Message);
        Assert.Contains(_spool, second.Message);

        string base64Key = Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey));
        foreach (string file in Directory.GetFiles(_spool))
        {
            if (file.EndsWith(".lock", StringComparison.Ordinal))
            {
                continue;
            }

            string text = Encoding.UTF8.GetString(ReadShared(file));
            Assert.DoesNotContain(ApiKey, text);
            Assert.DoesNotContain(base64Key, text);
        }
    }

    [Fact]
    public async Task Many_threads_spilling_past_a_tiny_queue_are_all_delivered_and_the_flush_ends()
    {
        // Memory holds 4 messages: most calls spill to disk while the loader reads earlier spills back. A record spilled
        // just after the loader found nothing cold must still wake it, or delivery stops with records on disk.
        const int threads = 8, perThread = 500;
        await using var client = new RipeClient(Options(o => o.MaxQueueLength = 4));
        var start = new System.Threading.Barrier(threads);
        var trackers = Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < perThread; i++)
            {
                client.Track("Spooled", new RipeProperties { ["seq"] = t * perThread + i });
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(trackers);

        Assert.True(await client.FlushAsync(TimeSpan.FromSeconds(60)), "the flush did not end: records were left on disk undelivered");
        Assert.True(client.Statistics.SpilledToDisk > 0, "nothing spilled: the test did not exercise the loader");
        Assert.Equal(threads * perThread, client.Statistics.Delivered);
        Assert.Equal(Enumerable.Range(0, threads * perThread), ReceivedSeqs());
    }

    [Fact]
    public async Task A_spilled_segment_that_cannot_be_read_back_is_given_up_and_the_flush_ends()
    {
        var log = new LogSignals();
        using var held = new System.Threading.ManualResetEventSlim(false);
        _server.Responder = _ => { held.Wait(); return 200; }; // the first messages stay in flight, so later ones spill
        await using var client = new RipeClient(Options(o =>
        {
            o.MaxQueueLength = 4;
            o.Logger = log;
        }));
        for (int i = 0; i < 40; i++)
        {
            client.Track("Spooled", new RipeProperties { ["seq"] = i });
        }

        Assert.True(client.Statistics.SpilledToDisk > 0);
        foreach (string segment in SegmentFiles())
        {
            File.Delete(segment); // the disk lost them (the in-memory messages do not need theirs)
        }

        held.Set();

        Assert.True(await client.FlushAsync(TimeSpan.FromSeconds(30)), "the flush waited for records no one could read");
        await log.WhenLogged("Could not read spool segment");
        long delivered = client.Statistics.Delivered;
        Assert.InRange(delivered, 1, 40 - client.Statistics.SpilledToDisk);
        Assert.Equal((int)delivered, ReceivedSeqs().Length);
    }

    [Fact]
    public async Task When_the_spool_cannot_roll_to_a_new_file_the_loader_lives_on_and_shutdown_ends()
    {
        var log = new LogSignals();
        using var held = new System.Threading.ManualResetEventSlim(false);
        _server.Responder = _ => { held.Wait(TimeSpan.FromSeconds(30)); return 200; }; // the first messages stay in flight, so later ones spill
        var client = new RipeClient(Options(o =>
        {
            o.MaxQueueLength = 4;
            o.ShutdownTimeout = TimeSpan.FromMilliseconds(200);
            o.Logger = log;
        }));
        for (int i = 0; i < 40; i++)
        {
            client.Track("Spooled", new RipeProperties { ["seq"] = i });
        }

        Assert.True(client.Statistics.SpilledToDisk > 0);
        Directory.Delete(_spool, recursive: true); // reading the spilled records back needs a new active file: it cannot be created

        held.Set();
        await log.WhenLogged("Could not start a new spool segment");
        Assert.False(await client.FlushAsync(TimeSpan.FromMilliseconds(300)), "records that stayed on disk were reported flushed");

        // Before, the loader died holding its room in memory: shutdown waited for it for ever.
        await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(client.Statistics.Delivered > 0);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static int IndexOfNth(byte[] data, byte[] pattern, int nth)
    {
        for (int i = 0, seen = 0; i <= data.Length - pattern.Length; i++)
        {
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern) && ++seen == nth)
            {
                return i;
            }
        }

        throw new InvalidOperationException("pattern not found");
    }
}
