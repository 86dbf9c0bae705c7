using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RipeTyped.Blazor;
using RipeTyped.Hosting;

namespace RipeTyped.Tests.Delivery;

/// <summary>AddRipe's environment defaults reach a Blazor WebAssembly app, whose host has no IHostEnvironment.</summary>
public sealed class BlazorEnvironmentTests
{
    private static RipeClientOptions Options(string environment, string apiKey)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IWebAssemblyHostEnvironment>(new BrowserEnvironment(environment));
        services.AddRipe(o => o.ApiKey = apiKey).AddBlazor();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RipeClientOptions>>().Value;
    }

    [Fact]
    public void In_Production_plan_violations_are_reported_not_thrown()
    {
        var options = Options("Production", "key");

        Assert.Equal(RipeValidationMode.Report, options.ValidationMode);
        Assert.False(options.DryRun);
    }

    [Fact]
    public void In_Development_without_a_key_the_client_runs_dry()
    {
        var options = Options("Development", "");

        Assert.Equal(RipeValidationMode.Throw, options.ValidationMode);
        Assert.True(options.DryRun);
    }

    private sealed class BrowserEnvironment(string environment) : IWebAssemblyHostEnvironment
    {
        public string Environment { get; } = environment;

        public string BaseAddress { get; } = "http://localhost/";
    }
}
