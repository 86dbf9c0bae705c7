using System;
using Microsoft.Extensions.Configuration;

namespace RipeTyped.Hosting
{
    /// <summary>
    /// The settings of <see cref="RipeClientOptions"/> that configuration can carry (not the callbacks, logger or
    /// HttpClient). Bound by the configuration-binding source generator; a key left out keeps the option's default.
    /// </summary>
    internal sealed class RipeConfigurationSettings
    {
        public string? ApiKey { get; set; }

        public Uri? Endpoint { get; set; }

        public TimeSpan? RequestTimeout { get; set; }

        public int? MaxRetries { get; set; }

        public TimeSpan? RetryBaseDelay { get; set; }

        public TimeSpan? RetryMaxDelay { get; set; }

        public int? MaxConcurrentRequests { get; set; }

        public int? MaxQueueLength { get; set; }

        public int? MaxMessageBytes { get; set; }

        public string? SpoolDirectory { get; set; }

        public TimeSpan? ShutdownTimeout { get; set; }

        public RipeValidationMode? ValidationMode { get; set; }

        public bool? DryRun { get; set; }

        public static void Apply(IConfiguration configuration, RipeClientOptions options)
        {
            var settings = new RipeConfigurationSettings();
            configuration.Bind(settings);
            options.ApiKey = settings.ApiKey ?? options.ApiKey;
            options.Endpoint = settings.Endpoint ?? options.Endpoint;
            options.RequestTimeout = settings.RequestTimeout ?? options.RequestTimeout;
            options.MaxRetries = settings.MaxRetries ?? options.MaxRetries;
            options.RetryBaseDelay = settings.RetryBaseDelay ?? options.RetryBaseDelay;
            options.RetryMaxDelay = settings.RetryMaxDelay ?? options.RetryMaxDelay;
            options.MaxConcurrentRequests = settings.MaxConcurrentRequests ?? options.MaxConcurrentRequests;
            options.MaxQueueLength = settings.MaxQueueLength ?? options.MaxQueueLength;
            options.MaxMessageBytes = settings.MaxMessageBytes ?? options.MaxMessageBytes;
            options.SpoolDirectory = settings.SpoolDirectory ?? options.SpoolDirectory;
            options.ShutdownTimeout = settings.ShutdownTimeout ?? options.ShutdownTimeout;
            options.ValidationMode = settings.ValidationMode ?? options.ValidationMode;
            options.DryRun = settings.DryRun ?? options.DryRun;
        }
    }
}
