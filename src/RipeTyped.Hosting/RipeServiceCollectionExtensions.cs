using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RipeTyped.Hosting
{
    /// <summary>Registers RipeTyped in a Microsoft.Extensions service collection.</summary>
    public static class RipeServiceCollectionExtensions
    {
        /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> RipeTyped takes from <c>IHttpClientFactory</c>.</summary>
        public const string HttpClientName = "RipeTyped";

        /// <summary>
        /// Adds a singleton <see cref="RipeClient"/> whose options are bound from <paramref name="configuration"/>
        /// (e.g. the <c>Ripe</c> section: <c>ApiKey</c>, <c>Endpoint</c>, <c>MaxConcurrentRequests</c>, <c>SpoolDirectory</c>…)
        /// and checked when the host starts.
        /// </summary>
        public static RipeBuilder AddRipe(this IServiceCollection services, IConfiguration configuration, Action<RipeClientOptions>? configure = null)
        {
            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            return AddRipeCore(services, configuration, configure);
        }

        /// <summary>Adds a singleton <see cref="RipeClient"/> configured in code; the options are checked when the host starts.</summary>
        public static RipeBuilder AddRipe(this IServiceCollection services, Action<RipeClientOptions>? configure = null) =>
            AddRipeCore(services, null, configure);

        private static RipeBuilder AddRipeCore(IServiceCollection services, IConfiguration? configuration, Action<RipeClientOptions>? configure)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            // In order: the environment's default, then configuration, then code; each later one wins.
            var options = services.AddOptions<RipeClientOptions>();
            options.Configure<IServiceProvider>((o, provider) =>
            {
                // Throw on plan violations while developing; report (log, callback) and send in production.
                if (provider.GetService<IHostEnvironment>() is { } environment && !environment.IsDevelopment())
                {
                    o.ValidationMode = RipeValidationMode.Report;
                }
            });
            if (configuration != null)
            {
                options.Configure(o => RipeConfigurationSettings.Apply(configuration, o));
            }

            if (configure != null)
            {
                options.Configure(configure);
            }

            // Last, once everything else has spoken: a web server's process-wide identity would be every user's.
            options.PostConfigure<IServiceProvider>((o, provider) => RipeEnvironmentDefaults.Apply(o, provider, services));

            options.ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RipeClientOptions>, RipeClientOptionsValidator>());

            // The client is a long-lived singleton holding its HttpClient, so handler rotation cannot help it;
            // pooled connections with a bounded lifetime pick up DNS changes instead.
            // IHttpClientFactory's handlers would log four Information lines per event; RipeTyped logs what matters itself.
            services.AddHttpClient(HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<IOptions<RipeClientOptions>>().Value.CreateHttpMessageHandler())
                .SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan)
                .RemoveAllLoggers();

            services.TryAddSingleton(CreateClient);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RipeShutdownService>());
            return new RipeBuilder(services);
        }

        private static RipeClient CreateClient(IServiceProvider provider)
        {
            var options = provider.GetRequiredService<IOptions<RipeClientOptions>>().Value;
            if (options.HttpClient is null)
            {
                options.HttpClient = provider.GetRequiredService<System.Net.Http.IHttpClientFactory>().CreateClient(HttpClientName);
                options.HttpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // RequestTimeout applies per attempt
            }

            if (options.Logger is null)
            {
                options.Logger = provider.GetService<ILoggerFactory>()?.CreateLogger("RipeTyped");
            }

            RipeEnvironmentDefaults.LogStartup(options);
            return new RipeClient(options);
        }
    }
}
