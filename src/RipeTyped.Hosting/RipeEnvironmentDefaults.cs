using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RipeTyped.Hosting
{
    /// <summary>What <c>AddRipe</c> decides from the host it runs in, after the app's own configuration.</summary>
    internal static class RipeEnvironmentDefaults
    {
        // Registered by every ASP.NET Core host (Kestrel, IIS, TestServer); named, not referenced, so Hosting stays free of ASP.NET Core.
        private const string WebServerService = "Microsoft.AspNetCore.Hosting.Server.IServer";

        internal const string ServerWithoutRequestIdentity =
            "this app is an ASP.NET Core server, where one process-wide identity would attach one user's identity to other users' events. " +
            "Add RipeTyped.AspNetCore and call AddRipe(...).AddAspNetCore() to take each call's identity from its request, " +
            "or pass a RipeIdentity to every call.";

        public static void Apply(RipeClientOptions options, IServiceProvider provider, IServiceCollection services)
        {
            if (options.AmbientContext is null && options.AnonymousId is null && options.IdentityStore is null && IsWebServer(services))
            {
                options.AmbientContext = RipeAmbientContext.None(ServerWithoutRequestIdentity);
            }

            // No key while developing: run dry (validated, logged, not sent) instead of failing the app's start.
            if (string.IsNullOrWhiteSpace(options.ApiKey) && !options.DryRun &&
                provider.GetService<IHostEnvironment>() is { } environment && environment.IsDevelopment())
            {
                options.DryRun = true;
            }
        }

        public static void LogStartup(RipeClientOptions options)
        {
            if (options.DryRun)
            {
                options.Logger?.LogWarning(
                    "RipeTyped runs dry: calls are validated and logged, and nothing is sent to Ripe (RipeClientOptions.DryRun is on: set by Ripe:DryRun or in code, or by AddRipe because no Ripe:ApiKey is configured in the Development environment).");
            }
        }

        private static bool IsWebServer(IServiceCollection services) =>
            services.Any(d => d.ServiceType.FullName == WebServerService);
    }
}
