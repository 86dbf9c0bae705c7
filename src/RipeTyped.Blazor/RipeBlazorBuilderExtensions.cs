using System;
using System.Linq;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using RipeTyped.Hosting;

namespace RipeTyped.Blazor
{
    /// <summary>Adds RipeTyped's Blazor WebAssembly integration to <c>AddRipe(...)</c>.</summary>
    public static class RipeBlazorBuilderExtensions
    {
        /// <summary>
        /// Keeps the visitor's anonymous id in <c>localStorage</c> (<see cref="RipeLocalStorageIdentityStore"/>), so each
        /// page load is the same anonymous visitor, and registers <see cref="RipeBlazorOptions"/> for
        /// <see cref="RipePageTracker"/> (place <c>&lt;RipePageTracker /&gt;</c> in <c>App.razor</c> for page calls on navigation).
        /// </summary>
        /// <remarks>
        /// The store is used only when the app runs in the browser, and only when the app set no
        /// <see cref="RipeClientOptions.IdentityStore"/>, <see cref="RipeClientOptions.AmbientContext"/> or
        /// <see cref="RipeClientOptions.AnonymousId"/> of its own.
        /// </remarks>
        public static RipeBuilder AddBlazor(this RipeBuilder builder, Action<RipeBlazorOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            var blazor = builder.Services.AddOptions<RipeBlazorOptions>();
            if (configure != null)
            {
                blazor.Configure(configure);
            }

            // AddRipe's defaults follow the environment (Report outside Development, dry run in Development without a key).
            // Only where the WebAssembly host registered its environment (WebAssemblyHostBuilder does, before the app's code).
            if (builder.Services.Any(d => d.ServiceType == typeof(IWebAssemblyHostEnvironment)))
            {
                builder.Services.TryAddSingleton<IHostEnvironment>(provider => new WebAssemblyHostEnvironment(provider.GetRequiredService<IWebAssemblyHostEnvironment>()));
            }

            // Configure (not PostConfigure) so it runs before AddRipe's environment defaults, which then see the store.
            builder.Services.AddOptions<RipeClientOptions>()
                .Configure<IServiceProvider>((options, provider) => UseLocalStorage(options, provider));
            return builder;
        }

        private static void UseLocalStorage(RipeClientOptions options, IServiceProvider provider)
        {
            // Outside the browser (a server prerendering the same components) there is no visitor's localStorage, and a
            // process-wide identity would be every user's: leave the server's own settings alone.
            if (!OperatingSystem.IsBrowser() || options.IdentityStore != null || options.AmbientContext != null || options.AnonymousId != null)
            {
                return;
            }

            // A singleton in Blazor WebAssembly, so resolving it from the root provider is safe under scope validation.
            var js = provider.GetRequiredService<IJSRuntime>() as IJSInProcessRuntime
                ?? throw new InvalidOperationException("RipeTyped.Blazor needs the in-process JavaScript runtime of Blazor WebAssembly; this app's IJSRuntime is not one.");
            string key = provider.GetRequiredService<IOptions<RipeBlazorOptions>>().Value.StorageKey;
            options.IdentityStore = new RipeLocalStorageIdentityStore(js, key);
        }
    }
}
