using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace RipeTyped.Benchmarks;

/// <summary>
/// One timed run outside BenchmarkDotNet, for quick before/after comparisons (FlakyDeliveryBenchmarks is the
/// measurement): N events with a given fault share against a receiver started by benchmarks/delivery.sh.
/// </summary>
public static class FlakyRun
{
    public static async Task<int> RunAsync(int events, int percent, string kind, string endpoint)
    {
        string root = new Uri(endpoint).GetLeftPart(UriPartial.Authority);
        var watch = Stopwatch.StartNew();
        var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "bench",
            Endpoint = new Uri($"{root}/faults/{percent}/{kind}/event"),
            AnonymousId = "bench",
            MaxConcurrentRequests = 8,
            MaxQueueLength = events,
        });
        await using (client)
        {
            BenchEvents.TrackCompletedOrders(client, events);
            await client.FlushAsync();
        }

        var s = client.Statistics;
        Console.WriteLine($"{events} events, {percent}% {kind}: {watch.Elapsed.TotalSeconds:F2} s, {events / watch.Elapsed.TotalSeconds:N0} events/s; delivered {s.Delivered}, failed {s.Failed}, dropped {s.Dropped}, retries {s.Retries}");
        return s.Delivered + s.Failed == events && s.Dropped == 0 ? 0 : 1;
    }
}
