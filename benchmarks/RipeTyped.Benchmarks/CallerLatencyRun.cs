using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RipeTyped.Benchmarks.Tracking;

namespace RipeTyped.Benchmarks;

/// <summary>
/// How long a typed <c>Track…</c> call takes on the caller's thread with a durable spool, while several threads track
/// at once and the workers deliver to a loopback receiver. One run, not a BenchmarkDotNet benchmark: the figure is a
/// distribution over every call (median, p99, p99.9, max), which BenchmarkDotNet's per-iteration means hide.
/// </summary>
internal static class CallerLatencyRun
{
    public static async Task<int> RunAsync(int callsPerThread, int threads)
    {
        await using var receiver = await LoopbackReceiver.StartAsync(5096);
        string spool = Path.Combine(Path.GetTempPath(), "ripe-latency-" + Guid.NewGuid().ToString("N"));
        var latencies = new long[threads][];
        try
        {
            await using (var client = new RipeClient(new RipeClientOptions
            {
                ApiKey = "bench",
                Endpoint = new Uri("http://127.0.0.1:5096/event"),
                AnonymousId = "bench",
                SpoolDirectory = spool,
                MaxQueueLength = 1_000_000,
            }))
            {
                var analytics = new BenchTracking(client);
                using var start = new Barrier(threads);
                var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
                {
                    var own = latencies[t] = new long[callsPerThread];
                    start.SignalAndWait();
                    for (int i = 0; i < callsPerThread; i++)
                    {
                        long before = Stopwatch.GetTimestamp();
                        analytics.TrackCompletedOrder(new CompletedOrderProperties
                        {
                            OrderId = "ord_123456",
                            Total = i,
                            ItemCount = 1 + (i % 9),
                            Currency = CompletedOrderProperties.CurrencyKind.EUR,
                            Gift = (i & 1) == 0,
                            PlacedAt = DateTimeOffset.UtcNow,
                        });
                        own[i] = Stopwatch.GetTimestamp() - before;
                    }
                })).ToList();
                var clock = Stopwatch.StartNew();
                workers.ForEach(w => w.Start());
                workers.ForEach(w => w.Join());
                clock.Stop();
                await client.FlushAsync();
                Console.WriteLine($"calls: {threads} threads × {callsPerThread:N0} in {clock.Elapsed.TotalSeconds:F2} s; delivered {client.Statistics.Delivered:N0}, failed {client.Statistics.Failed:N0}, dropped {client.Statistics.Dropped:N0}");
            }
        }
        finally
        {
            try { Directory.Delete(spool, recursive: true); } catch (IOException) { }
        }

        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
        double Micros(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))] * 1_000_000.0 / Stopwatch.Frequency;
        Console.WriteLine($"caller latency (µs): median {Micros(0.5):F1}, p99 {Micros(0.99):F1}, p99.9 {Micros(0.999):F1}, max {Micros(1.0):F1}");
        return 0;
    }
}
