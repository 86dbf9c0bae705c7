using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace RipeTyped.Benchmarks;

/// <summary>
/// Sustained delivery to a loopback receiver: RipeClient (queue + concurrent workers over pooled connections) against
/// the naive way, one awaited PostAsJsonAsync per event. Times are per event (10,000 events per operation). The
/// receiver runs in this process unless RIPE_BENCH_ENDPOINT points at one (benchmarks/delivery.sh starts one in its
/// own process and measures its ceiling with wrk first).
/// </summary>
[MemoryDiagnoser]
public class DeliveryBenchmarks
{
    private const int EventsPerOperation = 10_000;
    private LoopbackReceiver? _receiver;
    private Uri _endpoint = null!;
    private HttpClient _naiveHttp = null!;

    [Params(8)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        string? external = Environment.GetEnvironmentVariable("RIPE_BENCH_ENDPOINT");
        if (external is null)
        {
            _receiver = await LoopbackReceiver.StartAsync(5098);
            external = "http://127.0.0.1:5098/event";
        }

        _endpoint = new Uri(external);
        _naiveHttp = new HttpClient();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _naiveHttp.Dispose();
        if (_receiver != null)
        {
            await _receiver.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerOperation)]
    public async Task NaivePostAsJsonPerEvent()
    {
        var url = new Uri(_endpoint + "/track");
        for (int i = 0; i < EventsPerOperation; i++)
        {
            var message = new Dictionary<string, object?>
            {
                ["messageId"] = Guid.NewGuid().ToString("D"),
                ["timestamp"] = DateTimeOffset.UtcNow,
                ["anonymousId"] = "bench",
                ["event"] = "Completed Order",
                ["properties"] = new Dictionary<string, object?> { ["order_id"] = "ord_123456", ["total"] = 99.5, ["item_count"] = 3 },
            };
            using var response = await _naiveHttp.PostAsJsonAsync(url, message);
            response.EnsureSuccessStatusCode();
        }
    }

    [Benchmark(OperationsPerInvoke = EventsPerOperation)]
    public async Task RipeClientTyped()
    {
        await using var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "bench",
            Endpoint = _endpoint,
            AnonymousId = "bench",
            MaxConcurrentRequests = Concurrency,
            MaxQueueLength = EventsPerOperation,
        });
        BenchEvents.TrackCompletedOrders(client, EventsPerOperation);
        await client.FlushAsync();
        if (client.Statistics.Delivered != EventsPerOperation)
        {
            throw new InvalidOperationException($"delivered {client.Statistics.Delivered} of {EventsPerOperation}");
        }
    }
}
