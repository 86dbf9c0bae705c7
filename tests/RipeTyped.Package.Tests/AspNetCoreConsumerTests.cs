using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using RipeTyped.Testing;

namespace RipeTyped.Package.Tests;

/// <summary>
/// A fresh ASP.NET Core app built from the packages alone with docs/aspnetcore.md's code: run on Kestrel, two
/// visitors, one of whom logs in; each event carries its own visitor's identity.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class AspNetCoreConsumerTests
{
    private const string Plan = """
        version: 1
        options: { namespace: Web.Analytics, className: ShopAnalytics }
        identify:
          traits:
            email: { type: string }
        pages:
          - name: Pricing
            description: The pricing page.
        events:
          - name: Placed Order
            description: An order was placed.
            properties:
              order_id: { type: string, required: true }
        """;

    // docs/aspnetcore.md's minimal code, with this plan's calls.
    private const string Program = """
        using System.Security.Claims;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using RipeTyped.AspNetCore;
        using RipeTyped.Hosting;
        using Web.Analytics;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddRipe(builder.Configuration.GetSection("Ripe"))
            .AddFacade<ShopAnalytics, IShopAnalytics>(client => new ShopAnalytics(client))
            .AddAspNetCore();
        builder.Services.AddHealthChecks().AddRipe();

        var app = builder.Build();
        app.UseAuthentication();
        app.MapPost("/login/{user}", async (string user, HttpContext context, IShopAnalytics analytics) =>
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.NameIdentifier, user) }, CookieAuthenticationDefaults.AuthenticationScheme));
            await context.SignInAsync(principal);
            analytics.Identify(user, new UserTraits { Email = user + "@example.com" });
            return Results.Ok();
        });
        app.MapPost("/orders/{id}", (string id, IShopAnalytics analytics) =>
        {
            analytics.TrackPlacedOrder(new PlacedOrderProperties { OrderId = id });
            return Results.Ok();
        });
        app.MapGet("/pricing", () => Results.Text("<h1>Pricing</h1>", "text/html"))
            .WithMetadata(RipePage.Call<ShopAnalytics>(analytics => analytics.PagePricing()));
        app.MapHealthChecks("/healthz");
        app.Run();
        """;

    private readonly PackageFeed _feed;

    public AspNetCoreConsumerTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public async Task A_fresh_web_app_from_the_packages_gives_each_visitor_its_own_identity()
    {
        await using var receiver = RipeTestServer.Start("web-key");
        string dir = CreateWebApp();
        var (buildExit, buildOutput) = DotNet.Run(dir, new[] { "build" });
        Assert.True(buildExit == 0, buildOutput);

        int port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var app = Start(dir, address, receiver.Endpoint, listening, out var lines);
        try
        {
            using var alice = Browser(address);
            using var bob = Browser(address);
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));

            (await alice.PostAsync("/login/alice", null)).EnsureSuccessStatusCode();
            (await bob.PostAsync("/orders/bob-1", null)).EnsureSuccessStatusCode();
            (await alice.PostAsync("/orders/alice-1", null)).EnsureSuccessStatusCode();
            (await bob.GetAsync("/pricing?plan=pro")).EnsureSuccessStatusCode();
            string health = await alice.GetStringAsync("/healthz");

            var received = (await receiver.WaitForRequestsAsync(4, TimeSpan.FromSeconds(60))).Select(r => r.Json).ToList();
            JsonElement Order(string id) => received.Single(j => j.TryGetProperty("properties", out var p) && p.TryGetProperty("order_id", out var o) && o.GetString() == id);
            var identify = received.Single(j => j.TryGetProperty("traits", out _));
            var page = received.Single(j => j.TryGetProperty("name", out _));

            Assert.Equal("Healthy", health);
            Assert.Equal("alice", identify.GetProperty("userId").GetString());
            Assert.Equal("alice", Order("alice-1").GetProperty("userId").GetString()); // from the auth cookie, next request
            Assert.Equal(identify.GetProperty("anonymousId").GetString(), Order("alice-1").GetProperty("anonymousId").GetString());
            Assert.False(Order("bob-1").TryGetProperty("userId", out _), "bob's order carries a user: " + Order("bob-1"));
            Assert.Equal(Order("bob-1").GetProperty("anonymousId").GetString(), page.GetProperty("anonymousId").GetString());
            Assert.NotEqual(identify.GetProperty("anonymousId").GetString(), page.GetProperty("anonymousId").GetString());
            Assert.Equal("/pricing", page.GetProperty("context").GetProperty("page").GetProperty("path").GetString());
        }
        finally
        {
            app.Kill(entireProcessTree: true);
        }
    }

    private string CreateWebApp()
    {
        string dir = Path.Combine(_feed.Root, "WebShop");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "WebShop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestoreAdditionalProjectSources>{_feed.FeedPath}</RestoreAdditionalProjectSources>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RipeTyped" Version="{_feed.Version}" />
                <PackageReference Include="RipeTyped.AspNetCore" Version="{_feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "tracking-plan.yaml"), Plan);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), Program);
        return dir;
    }

    private static Process Start(string dir, Uri address, Uri ripe, TaskCompletionSource listening, out ConcurrentQueue<string> lines)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { Path.Combine(dir, "bin", "Debug", "net10.0", "WebShop.dll"), "--urls", address.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Ripe__ApiKey"] = "web-key";
        start.Environment["Ripe__Endpoint"] = ripe.ToString();
        var collected = new ConcurrentQueue<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the web app");
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data != null)
            {
                collected.Enqueue(e.Data);
                if (e.Data.Contains("Now listening on:", StringComparison.Ordinal))
                {
                    listening.TrySetResult();
                }
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lines = collected;
        return process;
    }

    private static HttpClient Browser(Uri address) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = address };

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
