using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace RipeTyped.Browser.Tests;

/// <summary>
/// Serves a published Blazor WebAssembly app on 127.0.0.1 as any static host would, except for
/// <c>/appsettings.json</c>: the app fetches it at start, and the test answers with its own settings (the local receiver).
/// </summary>
internal sealed class StaticSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSite(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The site's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    public static async Task<StaticSite> StartAsync(string webRoot, string appSettingsJson)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = webRoot, WebRootPath = webRoot });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/appsettings.json")
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(appSettingsJson);
                return;
            }

            await next();
        });

        // Blazor's files: .wasm (webcil assemblies and the runtime), .dat (ICU data), .blat (older boot resources).
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".wasm"] = "application/wasm";
        types.Mappings[".dat"] = "application/octet-stream";
        types.Mappings[".blat"] = "application/octet-stream";
        var files = new PhysicalFileProvider(webRoot);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types });

        // A client-side route loaded directly (or reloaded) gets the app's page, as a SPA host serves it.
        app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files });
        await app.StartAsync();

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new StaticSite(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
