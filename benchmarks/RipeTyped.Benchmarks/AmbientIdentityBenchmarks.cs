using System;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RipeTyped.AspNetCore;
using RipeTyped.Delivery;
using RipeTyped.Hosting;

// The benchmark's event is deliberately not in the plan: the call's cost, not the plan, is measured.
#pragma warning disable RIPE2001

namespace RipeTyped.Benchmarks;

/// <summary>
/// What a caller pays for who a call is about: one track call (validation and serialization included, nothing sent)
/// with an explicit <see cref="RipeIdentity"/> (the baseline), the process-wide ambient identity, and an ASP.NET Core
/// request's identity (a signed-in user and the visitor's cookie, the request's state already made by an earlier call,
/// as for every call after a request's first).
/// </summary>
[MemoryDiagnoser]
public class AmbientIdentityBenchmarks
{
    private static readonly RipeIdentity Explicit = new("user-42", "4c7d2f4e-9f45-4c1a-8c59-0d6a3c9b1e22");

    private RipeClient _process = null!;
    private RipeClient _request = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        _process = new RipeClient(Options(), Ignore);

        var services = new ServiceCollection();
        services.AddRipe(o => o.ApiKey = "bench").AddAspNetCore();
        _services = services.BuildServiceProvider();
        var options = _services.GetRequiredService<IOptions<RipeClientOptions>>().Value;
        var request = Options();
        request.AnonymousId = null;
        request.AmbientContext = options.AmbientContext;
        _request = new RipeClient(request, Ignore);

        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Headers.Cookie = "ripe_anonymous_id=4c7d2f4e-9f45-4c1a-8c59-0d6a3c9b1e22";
        context.User = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.NameIdentifier, "user-42") }, "bench"));
        _services.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
        _request.Track("Bench Event"); // the request's state, made once per request
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public void ExplicitIdentity() => _process.Track("Bench Event", null, Explicit);

    [Benchmark]
    public void ProcessAmbientIdentity() => _process.Track("Bench Event");

    [Benchmark]
    public void RequestAmbientIdentity() => _request.Track("Bench Event");

    private static RipeClientOptions Options() => new() { ApiKey = "bench", AnonymousId = "4c7d2f4e-9f45-4c1a-8c59-0d6a3c9b1e22" };

    private static void Ignore(RecordedMessage message)
    {
    }
}
