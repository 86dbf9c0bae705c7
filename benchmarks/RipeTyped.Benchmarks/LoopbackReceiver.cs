using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RipeTyped.Benchmarks;

/// <summary>
/// A minimal Ripe-compatible receiver on Kestrel for throughput measurements: reads each body and answers 200.
/// (RipeTestServer checks every message; this one is built to be fast, so it measures the sender, not the receiver.)
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private static readonly byte[] Ok = "{\"status\":200}"u8.ToArray();
    private readonly WebApplication _app;
    private long _received;

    private LoopbackReceiver(WebApplication app) => _app = app;

    public long Received => Interlocked.Read(ref _received);

    public static async Task<LoopbackReceiver> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        app.MapPost("/event/{call}", async (HttpContext context) =>
        {
            var buffer = new byte[4096];
            while (await context.Request.Body.ReadAsync(buffer) > 0)
            {
            }

            Interlocked.Increment(ref receiver._received);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Ok);
        });
        // /faults/{percent}/{kind}/event/{call}: the same receiver, failing a random share of requests, for
        // FlakyDeliveryBenchmarks: kind "5xx" answers 500 or 503 (no Retry-After) or resets the connection, a third
        // each; kind "429" answers 429 with Retry-After: 1; kinds "500" and "reset" give only that fault.
        app.MapPost("/faults/{percent:int}/{kind}/event/{call}", async (HttpContext context, int percent, string kind) =>
        {
            var buffer = new byte[4096];
            while (await context.Request.Body.ReadAsync(buffer) > 0)
            {
            }

            int roll = Random.Shared.Next(100 * 3);
            if (roll < percent * 3)
            {
                if (kind == "429")
                {
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                }

                // "500" and "reset": one kind of fault only, to tell their costs apart.
                switch (kind == "500" ? 0 : kind == "reset" ? 2 : roll % 3)
                {
                    case 0:
                        context.Response.StatusCode = 500;
                        return;
                    case 1:
                        context.Response.StatusCode = 503;
                        return;
                    default:
                        context.Abort(); // connection reset
                        return;
                }
            }

            Interlocked.Increment(ref receiver._received);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Ok);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
