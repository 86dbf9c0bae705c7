using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace RipeTyped.Hosting
{
    /// <summary>
    /// How delivery to Ripe stands: the breaker, the backlog, retries waiting, and failures or drops since the previous
    /// check (the first check counts from the client's start).
    /// Unhealthy-level findings report the registration's failure status (Degraded by default: analytics should not
    /// take an app out of its load balancer), lesser ones Degraded.
    /// </summary>
    internal sealed class RipeHealthCheck : IHealthCheck
    {
        private readonly RipeClient _client;
        private readonly int _maxQueueLength;
        private readonly object _lock = new object();
        private long _lastFailed;
        private long _lastDropped;

        public RipeHealthCheck(RipeClient client, IOptions<RipeClientOptions> options)
        {
            // The first check counts from the client's start: drops before anyone asked still count.
            _client = client;
            _maxQueueLength = options.Value.MaxQueueLength;
        }

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var statistics = _client.Statistics;
            long failed, dropped, newFailures, newDrops;
            lock (_lock)
            {
                // Read under the lock: two probes at once (liveness, readiness) must not count one failure twice or below zero.
                failed = statistics.Failed;
                dropped = statistics.Dropped;
                newFailures = failed - _lastFailed;
                newDrops = dropped - _lastDropped;
                _lastFailed = failed;
                _lastDropped = dropped;
            }

            int queue = statistics.QueueLength;
            var data = new Dictionary<string, object>
            {
                ["deliveryState"] = statistics.DeliveryState.ToString(),
                ["queueLength"] = queue,
                ["maxQueueLength"] = _maxQueueLength,
                ["scheduledRetries"] = statistics.ScheduledRetries,
                ["spoolPending"] = statistics.SpoolPending,
                ["failedSinceLastCheck"] = newFailures,
                ["droppedSinceLastCheck"] = newDrops,
                ["delivered"] = statistics.Delivered,
                ["failed"] = failed,
                ["dropped"] = dropped,
                ["breaks"] = statistics.Breaks,
            };

            var failure = context.Registration?.FailureStatus ?? HealthStatus.Degraded;
            if (statistics.DeliveryState == RipeDeliveryState.Broken)
            {
                return Result(failure, "Ripe looks down: delivery stopped after most attempts failed; it probes and resumes by itself.", data);
            }

            if (queue >= _maxQueueLength * 9L / 10)
            {
                return Result(failure, $"The queue is {queue} of {_maxQueueLength}: new events are about to be dropped (or spilled to the spool).", data);
            }

            if (newDrops > 0 || newFailures > 0)
            {
                return Result(HealthStatus.Degraded, $"{newFailures} message(s) failed and {newDrops} were dropped since the previous check.", data);
            }

            if (statistics.DeliveryState != RipeDeliveryState.Open || queue >= _maxQueueLength / 2)
            {
                return Result(HealthStatus.Degraded, $"Delivery is {statistics.DeliveryState} with {queue} message(s) queued.", data);
            }

            int retries = statistics.ScheduledRetries;
            if (retries > 0)
            {
                return Result(HealthStatus.Degraded, $"{retries} message(s) are waiting to be retried after failed attempts.", data);
            }

            return Result(HealthStatus.Healthy, $"Delivering; {queue} message(s) queued.", data);
        }

        private static Task<HealthCheckResult> Result(HealthStatus status, string description, IReadOnlyDictionary<string, object> data) =>
            Task.FromResult(new HealthCheckResult(status, description, null, data));
    }
}
