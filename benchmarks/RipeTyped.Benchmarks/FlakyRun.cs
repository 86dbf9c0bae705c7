using System;
using System.Diagnostics;
using System.Threading.Tasks;
using RipeTyped.Benchmarks.Tracking;

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
            var analytics = new BenchTracking(client);
            for (int i = 0; i < events; i++)
            {
                analytics.TrackCompletedOrder(new CompletedOrderProperties { OrderId = "ord_123456", Total = 99.5, ItemCount = 3, Currency = CompletedOrderProperties.CurrencyKind.EUR, Gift = false, PlacedAt = DateTimeOffset.UtcNow });
            }

            await client.FlushAsync();
        }

        var s = client.Statistics;
        Console.WriteLine($"{events} events, {percent}% {kind}: {watch.Elapsed.TotalSeconds:F2} s, {events / watch.Elapsed.TotalSeconds:N0} events/s; delivered {s.Delivered}, failed {s.Failed}, dropped {s.Dropped}, retries {s.Retries}");
        return s.Delivered + s.Failed == events && s.Dropped == 0 ? 0 : 1;
    }
}
