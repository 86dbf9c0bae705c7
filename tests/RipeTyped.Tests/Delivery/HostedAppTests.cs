using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Acme.Analytics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RipeTyped.Hosting;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>What a hosted app's operators see: logs, dry run without a key, the health check, statistics.</summary>
public sealed class HostedAppTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static IHost BuildHost(Dictionary<string, string?> settings, string environment, LogCollector? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        if (logs != null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddRipe(builder.Configuration.GetSection("Ripe"))
            .AddFacade<AcmeAnalytics, IAcmeAnalytics>(client => new AcmeAnalytics(client));
        builder.Services.AddHealthChecks().AddRipe();
        return builder.Build();
    }

    [Fact]
    public async Task Sending_logs_nothing_per_request_at_Information_or_above()
    {
        await using var server = RipeTestServer.Start("k");
        var logs = new LogCollector();
        using var host = BuildHost(new() { ["Ripe:ApiKey"] = "k", ["Ripe:Endpoint"] = server.Endpoint.ToString() }, "Production", logs);
        await host.StartAsync();
        var analytics = host.Services.GetRequiredService<AcmeAnalytics>();

        for (int i = 0; i < 5; i++)
        {
            analytics.TrackLoggedOut();
        }

        await analytics.FlushAsync();
        await host.StopAsync();

        Assert.Equal(5, server.AcceptedMessageIds.Count);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Information && e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_api_key_in_Development_calls_are_validated_and_logged_and_nothing_is_sent()
    {
        var logs = new LogCollector();
        using var host = BuildHost(new(), "Development", logs);
        await host.StartAsync();
        var analytics = host.Services.GetRequiredService<AcmeAnalytics>();

        analytics.TrackLoggedOut();
        Assert.Throws<RipeValidationException>(() => analytics.TrackSignedUp(new SignedUpProperties { Method = SignedUpProperties.MethodKind.Email, ReferralCode = null, SourcePage = "no-slash" }));
        await host.StopAsync();

        var client = host.Services.GetRequiredService<RipeClient>();
        Assert.Equal(1, client.Statistics.NotSentDryRun);
        Assert.Equal(0, client.Statistics.Delivered);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("runs dry", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("\"event\":\"Logged Out\"", StringComparison.Ordinal));
        Assert.Contains("not sent (dry run) 1", client.Statistics.ToString());
    }

    [Fact]
    public async Task Without_an_api_key_outside_Development_the_host_does_not_start()
    {
        using var host = BuildHost(new(), "Staging");

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("DryRun", error.Message);
        Assert.Contains("Ripe:ApiKey", error.Message);
        Assert.Contains("Ripe__ApiKey", error.Message);
    }

    [Fact]
    public async Task The_health_check_reports_healthy_delivery_then_failures_with_the_counters()
    {
        await using var server = RipeTestServer.Start("k");
        using var host = BuildHost(new() { ["Ripe:ApiKey"] = "k", ["Ripe:Endpoint"] = server.Endpoint.ToString() }, "Production");
        await host.StartAsync();
        var analytics = host.Services.GetRequiredService<AcmeAnalytics>();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        analytics.TrackLoggedOut();
        await analytics.FlushAsync();
        var healthy = (await health.CheckHealthAsync()).Entries["ripe"];

        server.Responder = _ => 400; // rejected: failed, not retried
        analytics.TrackLoggedOut();
        analytics.TrackLoggedOut();
        await analytics.FlushAsync();
        var degraded = (await health.CheckHealthAsync()).Entries["ripe"];
        var again = (await health.CheckHealthAsync()).Entries["ripe"];
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal("Open", healthy.Data["deliveryState"]);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal(2L, degraded.Data["failedSinceLastCheck"]);
        Assert.Contains("2 message(s) failed", degraded.Description);
        Assert.Equal(HealthStatus.Healthy, again.Status); // nothing new failed since
    }

    [Fact]
    public async Task The_first_health_check_counts_drops_since_the_start()
    {
        await using var server = RipeTestServer.Start("k");
        server.Faults = _ => RipeTestReply.Ok.After(TimeSpan.FromSeconds(1));
        using var host = BuildHost(new() { ["Ripe:ApiKey"] = "k", ["Ripe:Endpoint"] = server.Endpoint.ToString(), ["Ripe:MaxQueueLength"] = "5" }, "Production");
        await host.StartAsync();
        var analytics = host.Services.GetRequiredService<AcmeAnalytics>();
        for (int i = 0; i < 50; i++)
        {
            analytics.TrackLoggedOut();
        }

        var first = (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["ripe"];
        server.Faults = null;
        await host.StopAsync();

        Assert.NotEqual(HealthStatus.Healthy, first.Status);
        Assert.True((long)first.Data["droppedSinceLastCheck"] >= 40, first.Description);
    }

    [Fact]
    public async Task A_worker_host_keeps_the_process_wide_identity()
    {
        await using var server = RipeTestServer.Start("k");
        using var host = BuildHost(new() { ["Ripe:ApiKey"] = "k", ["Ripe:Endpoint"] = server.Endpoint.ToString() }, "Production");
        await host.StartAsync();
        var analytics = host.Services.GetRequiredService<AcmeAnalytics>();

        analytics.Identify("worker-user", new UserTraits { Email = "w@example.com", MarketingOptIn = null });
        analytics.TrackLoggedOut();
        await host.StopAsync();

        var received = await server.WaitForRequestsAsync(2, Patience);
        Assert.All(received, r => Assert.Equal("worker-user", r.Json.GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task Statistics_read_on_one_line()
    {
        await using var server = RipeTestServer.Start("k");
        server.Responder = request => request.Json.GetProperty("event").GetString() == "Rejected" ? 400 : 200;
        await using var client = new RipeClient(new RipeClientOptions { ApiKey = "k", Endpoint = server.Endpoint });

        client.Track("Accepted");
        client.Track("Rejected");
        await client.FlushAsync();

        Assert.StartsWith("enqueued 2, delivered 1, failed 1, dropped 0, retries 0, queue 0, scheduled retries 0, delivery Open, breaks 0", client.Statistics.ToString());
    }

    [Fact]
    public async Task A_flood_of_drops_logs_one_warning_not_one_per_message()
    {
        await using var server = RipeTestServer.Start("k");
        server.Faults = _ => RipeTestReply.Ok.After(TimeSpan.FromSeconds(1));
        var logs = new LogCollector();
        await using var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "k",
            Endpoint = server.Endpoint,
            MaxQueueLength = 10,
            MaxConcurrentRequests = 1,
            Logger = logs.CreateLogger("RipeTyped"),
        });

        for (int i = 0; i < 1000; i++)
        {
            client.Track("Flood");
        }

        Assert.True(client.Statistics.Dropped >= 900, client.Statistics.ToString());
        var warnings = logs.Entries.Where(e => e.Message.Contains("Dropped", StringComparison.Ordinal)).ToList();
        var first = Assert.Single(warnings); // the summaries come at most every 10 s; this loop takes far less
        Assert.Contains("Further drops are logged as a count", first.Message);
    }

    internal sealed record LogEntry(string Category, LogLevel Level, string Message);

    internal sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception)));
        }
    }
}
