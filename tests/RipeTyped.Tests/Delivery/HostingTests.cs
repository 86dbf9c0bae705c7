using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Acme.Analytics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RipeTyped.Hosting;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>services.AddRipe(...) in a generic host: configuration, validation at start, the facade, flush on stop, metrics.</summary>
public sealed class HostingTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddRipe(builder.Configuration.GetSection("Ripe"))
            .AddFacade<AcmeAnalytics, IAcmeAnalytics>(client => new AcmeAnalytics(client));
        return builder.Build();
    }

    [Fact]
    public void The_facade_and_its_interface_are_one_singleton()
    {
        using var host = BuildHost(new() { ["Ripe:ApiKey"] = "k" });

        var facade = host.Services.GetRequiredService<AcmeAnalytics>();
        Assert.Same(facade, host.Services.GetRequiredService<IAcmeAnalytics>());
        Assert.Same(host.Services.GetRequiredService<RipeClient>(), facade.Client);
    }

    [Fact]
    public async Task The_facade_resolves_from_configuration_and_stopping_the_host_delivers_everything()
    {
        await using var server = RipeTestServer.Start("host-key");
        server.Faults = new ConcurrencyGate(3).Hold;
        using var host = BuildHost(new()
        {
            ["Ripe:ApiKey"] = "host-key",
            ["Ripe:Endpoint"] = server.Endpoint.ToString(),
            ["Ripe:MaxConcurrentRequests"] = "3",
            ["Ripe:ShutdownTimeout"] = "00:00:20",
        });
        await host.StartAsync();

        var analytics = host.Services.GetRequiredService<AcmeAnalytics>();
        var options = host.Services.GetRequiredService<IOptions<RipeClientOptions>>().Value;
        Assert.Same(host.Services.GetRequiredService<RipeClient>(), analytics.Client);
        Assert.Equal(3, options.MaxConcurrentRequests);
        Assert.Equal(TimeSpan.FromSeconds(20), options.ShutdownTimeout);
        Assert.NotNull(options.HttpClient); // from IHttpClientFactory
        Assert.NotNull(options.Logger);

        for (int i = 0; i < 20; i++)
        {
            analytics.TrackLoggedOut();
        }

        await host.StopAsync();

        Assert.Equal(20, server.AcceptedMessageIds.Count);
        Assert.Equal(3, server.MaxConcurrentRequests); // the gate holds requests until 3 overlap: the limit is reached, never passed
    }

    [Fact]
    public async Task A_missing_api_key_stops_the_host_at_start_naming_the_option()
    {
        using var host = BuildHost(new() { ["Ripe:Endpoint"] = "https://api.example.com/event" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("RipeClientOptions.ApiKey", error.Message);
    }

    [Fact]
    public async Task Delivery_counters_reach_the_RipeTyped_meter()
    {
        await using var server = RipeTestServer.Start();
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "RipeTyped")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (seen)
            {
                seen[instrument.Name] = seen.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            lock (seen)
            {
                seen[instrument.Name] = value;
            }
        });
        listener.Start();

        await using (var client = new RipeClient(new RipeClientOptions { ApiKey = "k", Endpoint = server.Endpoint, AnonymousId = "a" }))
        {
            client.Track("Logged Out");
            client.Track("Logged Out");
            await client.FlushAsync();
            listener.RecordObservableInstruments();
        }

        lock (seen)
        {
            // Other tests' clients may run in parallel and add to the same process-wide counters.
            Assert.True(seen.GetValueOrDefault("ripe.messages.enqueued") >= 2);
            Assert.True(seen.GetValueOrDefault("ripe.messages.sent") >= 2);
            Assert.Contains("ripe.queue.length", seen.Keys);
            Assert.Contains("ripe.spool.pending", seen.Keys);
        }
    }
}
