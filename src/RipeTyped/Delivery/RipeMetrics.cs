using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// Delivery metrics on the <c>RipeTyped</c> meter, for OpenTelemetry (<c>AddMeter("RipeTyped")</c>) or
    /// <c>dotnet-counters monitor --counters RipeTyped</c>. Summed over all clients in the process.
    /// </summary>
    internal static class RipeMetrics
    {
        public const string MeterName = "RipeTyped";

        private static readonly Meter Meter = new Meter(MeterName, typeof(RipeMetrics).Assembly.GetName().Version?.ToString());
        private static readonly List<RipeClientStatistics> Live = new List<RipeClientStatistics>();

        public static readonly Counter<long> Enqueued = Meter.CreateCounter<long>("ripe.messages.enqueued", "{message}", "Messages accepted by a call.");
        public static readonly Counter<long> Sent = Meter.CreateCounter<long>("ripe.messages.sent", "{message}", "Messages Ripe accepted (2xx).");
        public static readonly Counter<long> Retried = Meter.CreateCounter<long>("ripe.messages.retried", "{attempt}", "HTTP attempts that were retries.");
        public static readonly Counter<long> Failed = Meter.CreateCounter<long>("ripe.messages.failed", "{message}", "Messages given up on.");
        public static readonly Counter<long> Dropped = Meter.CreateCounter<long>("ripe.messages.dropped", "{message}", "Messages refused: queue full, no spool.");
        public static readonly Counter<long> Spooled = Meter.CreateCounter<long>("ripe.messages.spooled", "{message}", "Messages written to the durable spool.");

        static RipeMetrics()
        {
            Meter.CreateObservableGauge("ripe.queue.length", () => Sum(s => s.QueueLength), "{message}", "Messages waiting in memory.");
            Meter.CreateObservableGauge("ripe.spool.pending", () => Sum(s => s.SpoolPending), "{message}", "Spooled messages Ripe has not confirmed.");
            Meter.CreateObservableGauge("ripe.retries.scheduled", () => Sum(s => s.ScheduledRetries), "{message}", "Messages waiting for a retry's due time.");
            Meter.CreateObservableGauge("ripe.delivery.paused", () => Sum(s => s.DeliveryState == RipeDeliveryState.Open ? 0 : 1), "{client}", "Clients not sending: paused at Ripe's request (Retry-After) or stopped because Ripe looks down.");
            Meter.CreateObservableCounter("ripe.delivery.breaks", () => Sum(s => s.Breaks), "{break}", "Times delivery stopped because most recent attempts failed.");
        }

        public static void Register(RipeClientStatistics statistics)
        {
            lock (Live)
            {
                Live.Add(statistics);
            }
        }

        public static void Unregister(RipeClientStatistics statistics)
        {
            lock (Live)
            {
                Live.Remove(statistics);
            }
        }

        private static long Sum(System.Func<RipeClientStatistics, long> read)
        {
            lock (Live)
            {
                long total = 0;
                foreach (var statistics in Live)
                {
                    total += read(statistics);
                }

                return total;
            }
        }
    }
}
