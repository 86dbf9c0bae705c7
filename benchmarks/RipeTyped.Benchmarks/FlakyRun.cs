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
        long delivered = 0;
        var marks = new double[3]; // when 95%, 99% and 99.9% of the events had arrived: the tail is the retries' backoff
        var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "bench",
            Endpoint = new Uri($"{root}/faults/{percent}/{kind}/event"),
            AnonymousId = "bench",
            MaxConcurrentRequests = 8,
            MaxQueueLength = events,
            OnMessageDelivered = _ =>
            {
                long n = System.Threading.Interlocked.Increment(ref delivered);
                if (n == events * 95 / 100) marks[0] = watch.Elapsed.TotalSeconds;
                if (n == events * 99 / 100) marks[1] = watch.Elapsed.TotalSeconds;
                if (n == events * 999 / 1000) marks[2] = watch.Elapsed.TotalSeconds;
            },
        });
        await using (client)
        {
            BenchEvents.TrackCompletedOrders(client, events);
            await client.FlushAsync();
        }

        var s = client.Statistics;
        Console.WriteLine($"{events} events, {percent}% {kind}: {watch.Elapsed.TotalSeconds:F2} s, {events / watch.Elapsed.TotalSeconds:N0} events/s " +
            $"(95% in {marks[0]:F2} s, 99% in {marks[1]:F2} s, 99.9% in {marks[2]:F2} s); delivered {s.Delivered}, failed {s.Failed}, dropped {s.Dropped}, retries {s.Retries}, breaks {s.Breaks}");
        return s.Delivered + s.Failed == events && s.Dropped == 0 ? 0 : 1;
    }
}
