using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RipeTyped.Hosting;
using RipeTyped.Testing;
using Shop.Analytics;

namespace RipeTyped.AspNetCore.Tests;

/// <summary>
/// The shop a user builds by following docs/aspnetcore.md, on a real Kestrel server on loopback, sending to a local
/// Ripe receiver. Endpoints: POST /login/{user} (Identify only, no authentication), POST /orders/{id} (signed in via
/// <c>X-User</c>: Identify + Placed Order), POST /visits/{visitor} (anonymous: Viewed Product), GET /products/{sku}
/// (a page call made for the endpoint), POST /logout (Reset).
/// </summary>
internal sealed class ShopApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ShopApp(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ShopApp> StartAsync(RipeTestServer receiver, Action<RipeBuilder>? ripe = null, Action<RipeAspNetCoreOptions>? aspNetCore = null, bool requestIdentity = true, ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs != null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        var added = builder.Services.AddRipe(options =>
            {
                options.ApiKey = "shop-key";
                options.Endpoint = receiver.Endpoint;
                options.MaxConcurrentRequests = 8;
            })
            .AddFacade<ShopAnalytics, IShopAnalytics>(client => new ShopAnalytics(client));
        if (requestIdentity)
        {
            added.AddAspNetCore(aspNetCore);
        }

        ripe?.Invoke(added);
        var app = builder.Build();
        app.UseAuthentication();
        app.MapPost("/login/{user}", (string user, IShopAnalytics analytics) =>
        {
            analytics.Identify(user, new UserTraits { Email = user + "@example.com" });
            return Results.Ok();
        });
        app.MapPost("/orders/{id}", (string id, HttpContext context, IShopAnalytics analytics) =>
        {
            if (context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } user)
            {
                analytics.Identify(user);
            }

            analytics.TrackPlacedOrder(new PlacedOrderProperties { OrderId = id });
            return Results.Ok();
        });
        app.MapPost("/visits/{visitor}", (string visitor, IShopAnalytics analytics) =>
        {
            analytics.TrackViewedProduct(new ViewedProductProperties { Visitor = visitor });
            return Results.Ok();
        });
        app.MapPost("/late/{visitor}", async (string visitor, HttpContext context, IShopAnalytics analytics) =>
        {
            await context.Response.WriteAsync("streamed first");
            await context.Response.Body.FlushAsync();
            analytics.TrackViewedProduct(new ViewedProductProperties { Visitor = visitor });
        });
        app.MapGet("/products/{sku}", (string sku, HttpContext context) =>
        {
            context.SetRipePageTitle("Product " + sku);
            return Results.Text("<h1>" + sku + "</h1>", "text/html");
        }).WithMetadata(RipePage.Call<IShopAnalytics>(analytics => analytics.PageProduct(new ProductPageProperties { Sku = "from-route" })));
        app.MapPost("/logout", (RipeClient client) =>
        {
            client.Reset();
            return Results.Ok();
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ShopApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
