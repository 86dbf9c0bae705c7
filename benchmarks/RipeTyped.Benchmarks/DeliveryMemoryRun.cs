using System;
using System.Diagnostics;
using System.Threading.Tasks;
using RipeTyped.Benchmarks.Tracking;

namespace RipeTyped.Benchmarks;

/// <summary>
/// Peak memory while N events go through RipeClient to a loopback receiver. Not a BenchmarkDotNet benchmark (peak
/// working set is a property of one long run): prints events/s, peak working set and the largest managed heap seen.
/// The producer pauses while the queue is more than half full, as an app producing at a finite rate would.
/// </summary>
internal static class DeliveryMemoryRun
{
    /// <param name="concurrency">The client's MaxConcurrentRequests (8 by default here: wrk's -c8 in delivery.sh).</param>
    public static async Task<int> RunAsync(int events, string? endpoint, int concurrency = 8)
    {
        LoopbackReceiver? receiver = null;
        if (endpoint is null)
        {
            receiver = await LoopbackReceiver.StartAsync(5097);
            endpoint = "http://127.0.0.1:5097/event";
        }

        long peakHeap = 0;
        var process = Process.GetCurrentProcess();
        long startWorkingSet = process.WorkingSet64;
        var clock = Stopwatch.StartNew();
        await using (var client = new RipeClient(new RipeClientOptions { ApiKey = "bench", Endpoint = new Uri(endpoint), AnonymousId = "bench", MaxConcurrentRequests = concurrency }))
        {
            var analytics = new BenchTracking(client);
            for (int i = 0; i < events; i++)
            {
                while (client.Statistics.QueueLength > 5_000)
                {
                    await Task.Delay(1);
                }

                analytics.TrackCompletedOrder(new CompletedOrderProperties
                {
                    OrderId = "ord_123456",
                    Total = i,
                    ItemCount = 1 + (i % 9),
                    Currency = CompletedOrderProperties.CurrencyKind.EUR,
                    Gift = (i & 1) == 0,
                    PlacedAt = DateTimeOffset.UtcNow,
                });
                if ((i & 0x3FFF) == 0)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                }
            }

            await client.FlushAsync();
            clock.Stop();
            process.Refresh();
            Console.WriteLine($"events: {events:N0}, delivered: {client.Statistics.Delivered:N0}, dropped: {client.Statistics.Dropped:N0}, failed: {client.Statistics.Failed:N0}");
        }

        Console.WriteLine($"elapsed: {clock.Elapsed.TotalSeconds:F1} s, throughput: {events / clock.Elapsed.TotalSeconds:N0} events/s");
        Console.WriteLine($"working set at start: {startWorkingSet / 1048576.0:F0} MB, peak working set: {process.PeakWorkingSet64 / 1048576.0:F0} MB, largest managed heap sampled: {peakHeap / 1048576.0:F0} MB");
        if (receiver != null)
        {
            await receiver.DisposeAsync();
        }

        return 0;
    }
}
