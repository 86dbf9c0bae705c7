using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace RipeTyped.Benchmarks;

/// <summary>
/// The most a sender built on <see cref="HttpClient"/> can do against a receiver: N tasks POSTing the same fixed track
/// message in a loop, with nothing else (no queue, no serialization, no retry bookkeeping). RipeClient's sustained rate
/// over this is the cost of RipeTyped's own work; this over wrk's is the cost of HttpClient itself on a machine the
/// receiver shares. Prints requests/s and the process's CPU time per request.
/// </summary>
internal static class HttpClientCeiling
{
    public static async Task<int> RunAsync(string endpoint, int seconds, int concurrency)
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"messageId":"5f0c2b7e-9f45-4c1a-8c59-0d6a3c9b1e22","timestamp":"2026-11-25T10:30:00.000Z","anonymousId":"bench","event":"Completed Order","properties":{"order_id":"ord_123456","total":99.5,"item_count":3,"currency":"EUR","gift":false,"placed_at":"2026-11-25T10:29:58.000Z"}}""");
        var url = new Uri(endpoint.TrimEnd('/') + "/track");
        var contentType = new MediaTypeHeaderValue("application/json");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        long requests = 0, failures = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = contentType;
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                Interlocked.Increment(ref requests);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures); // a /faults/... endpoint: counted, not retried
                }
            }
        }));
        clock.Stop();
        double cpuMicros = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / requests;
        Console.WriteLine($"HttpClient loop, {concurrency} concurrent: {requests / clock.Elapsed.TotalSeconds:N0} requests/s, {cpuMicros:N1} µs of CPU per request, {failures:N0} answered with an error");
        return 0;
    }
}
