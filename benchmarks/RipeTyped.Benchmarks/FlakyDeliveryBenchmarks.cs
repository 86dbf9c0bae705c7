using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace RipeTyped.Benchmarks;

/// <summary>
/// Sustained delivery when Ripe is flaky, against one receiver in one run: no faults (the baseline), 5% and 30% of
/// requests answered 500/503 or reset, and 5% answered 429 with Retry-After: 1. Times are per event; the Ratio column
/// is time per event against the fault-free run, so throughput is 1/Ratio of the fault-free throughput. Default
/// client options (8 workers here, RetryBaseDelay 500 ms, 5 retries): what a user gets. Every event must be delivered
/// or reported failed (no drops). The receiver runs in this process unless RIPE_BENCH_ENDPOINT names one
/// (benchmarks/delivery.sh starts it in its own process).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FlakyDeliveryBenchmarks
{
    private const int Events = 50_000;
    private const int RateLimitedEvents = 400;
    private LoopbackReceiver? _receiver;
    private string _base = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        string? external = Environment.GetEnvironmentVariable("RIPE_BENCH_ENDPOINT");
        if (external is null)
        {
            _receiver = await LoopbackReceiver.StartAsync(5097);
            external = "http://127.0.0.1:5097/event";
        }

        // http://host:port/event → http://host:port
        _base = new Uri(external).GetLeftPart(UriPartial.Authority);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_receiver != null)
        {
            await _receiver.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public Task NoFaults() => SendAsync(Events, 0, "5xx");

    [Benchmark(OperationsPerInvoke = Events)]
    public Task Faults5Percent() => SendAsync(Events, 5, "5xx");

    [Benchmark(OperationsPerInvoke = Events)]
    public Task Faults30Percent() => SendAsync(Events, 30, "5xx");

    /// <summary>Ripe asking to slow down: every 429 pauses all sending for the second it asks. Fewer events: it is slow by design.</summary>
    [Benchmark(OperationsPerInvoke = RateLimitedEvents)]
    public Task RateLimited5Percent() => SendAsync(RateLimitedEvents, 5, "429");

    private async Task SendAsync(int events, int percent, string kind)
    {
        var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "bench",
            Endpoint = new Uri($"{_base}/faults/{percent}/{kind}/event"),
            AnonymousId = "bench",
            MaxConcurrentRequests = 8,
            MaxQueueLength = events,
        });
        await using (client)
        {
            BenchEvents.TrackCompletedOrders(client, events);
            await client.FlushAsync();
        }

        var statistics = client.Statistics;
        if (statistics.Dropped != 0 || statistics.Delivered + statistics.Failed != events)
        {
            throw new InvalidOperationException($"lost events: {statistics.Delivered} delivered + {statistics.Failed} failed + {statistics.Dropped} dropped of {events}");
        }
    }
}
