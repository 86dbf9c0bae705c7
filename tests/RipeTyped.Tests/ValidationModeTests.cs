using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Acme.Analytics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RipeTyped.Hosting;
using RipeTyped.Testing;

namespace RipeTyped.Tests;

/// <summary>The violation handler: throw while developing, report and send in production, or no checks at all.</summary>
public sealed class ValidationModeTests
{
    private static ClickedBookADemoButtonProperties Violating() => new() { SourcePage = "pricing", Seats = 0 };

    private static async Task<(RipeTestServer Server, RipeClient Client)> StartAsync(RipeValidationMode mode, List<RipeValidationException> reported, List<string> logged)
    {
        var server = RipeTestServer.Start();
        var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "k",
            Endpoint = server.Endpoint,
            AnonymousId = "a",
            ValidationMode = mode,
            OnValidationFailed = reported.Add,
            Logger = new ListLogger(logged),
        });
        await Task.CompletedTask;
        return (server, client);
    }

    [Fact]
    public async Task Report_sends_the_message_logs_a_warning_and_calls_the_handler()
    {
        var reported = new List<RipeValidationException>();
        var logged = new List<string>();
        var (server, client) = await StartAsync(RipeValidationMode.Report, reported, logged);
        await using (server)
        await using (client)
        {
            new AcmeAnalytics(client).TrackClickedBookADemoButton(Violating());
            await client.FlushAsync();

            var request = Assert.Single(server.Requests);
            Assert.Equal("pricing", request.Json.GetProperty("properties").GetProperty("source_page").GetString());
            var violation = Assert.Single(reported);
            Assert.Contains(violation.Errors, e => e.Path == "properties.seats");
            Assert.Contains(logged, l => l.StartsWith("Warning:", StringComparison.Ordinal) && l.Contains("properties.source_page", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Off_checks_nothing_and_sends()
    {
        var reported = new List<RipeValidationException>();
        var logged = new List<string>();
        var (server, client) = await StartAsync(RipeValidationMode.Off, reported, logged);
        await using (server)
        await using (client)
        {
            new AcmeAnalytics(client).TrackClickedBookADemoButton(Violating());
            await client.FlushAsync();

            Assert.Single(server.Requests);
            Assert.Empty(reported);
            Assert.DoesNotContain(logged, l => l.Contains("breaks the tracking plan", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("Development", null, RipeValidationMode.Throw)]
    [InlineData("Production", null, RipeValidationMode.Report)]
    [InlineData("Production", "Throw", RipeValidationMode.Throw)]
    [InlineData("Development", "Off", RipeValidationMode.Off)]
    public void AddRipe_throws_in_development_and_reports_in_production_unless_configured(string environment, string? configured, RipeValidationMode expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        var settings = new Dictionary<string, string?> { ["Ripe:ApiKey"] = "k" };
        if (configured != null)
        {
            settings["Ripe:ValidationMode"] = configured;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddRipe(builder.Configuration.GetSection("Ripe"));
        using var host = builder.Build();

        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<RipeClientOptions>>().Value.ValidationMode);
    }

    private sealed class ListLogger(List<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add($"{logLevel}: {formatter(state, exception)}");
            }
        }
    }
}
