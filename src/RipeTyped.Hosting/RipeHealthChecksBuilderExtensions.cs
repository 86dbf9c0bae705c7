using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RipeTyped.Hosting
{
    /// <summary>Adds RipeTyped's delivery health to <c>services.AddHealthChecks()</c>.</summary>
    public static class RipeHealthChecksBuilderExtensions
    {
        /// <summary>
        /// Reports delivery to Ripe: <see cref="HealthStatus.Healthy"/> while delivering; Degraded when Ripe paused or is
        /// being probed, the queue is half full, messages wait for a retry, or messages failed or were dropped since the
        /// previous check (the first check counts from the start);
        /// <paramref name="failureStatus"/> when the breaker has stopped delivery or the queue is nearly full. The data
        /// carry the state, backlog and counters.
        /// </summary>
        /// <param name="builder">The health checks builder.</param>
        /// <param name="name">The check's name. Default <c>ripe</c>.</param>
        /// <param name="failureStatus">What a failing delivery reports. Default Degraded: analytics should not take an app out of rotation.</param>
        /// <param name="tags">Tags to filter the check by (e.g. <c>ready</c>).</param>
        public static IHealthChecksBuilder AddRipe(
            this IHealthChecksBuilder builder,
            string name = "ripe",
            HealthStatus failureStatus = HealthStatus.Degraded,
            IEnumerable<string>? tags = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            // One instance, so "since the previous check" means what it says.
            builder.Services.TryAddSingleton<RipeHealthCheck>();
            return builder.Add(new HealthCheckRegistration(name, provider => provider.GetRequiredService<RipeHealthCheck>(), failureStatus, tags));
        }
    }
}
