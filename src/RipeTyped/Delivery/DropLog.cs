using System.Diagnostics;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// Logs drops (a full queue without a spool) as a warning for the first and then one summary line at most every
    /// <see cref="Interval"/>: under overload a line per dropped message would cost more than the messages (measured:
    /// 86,694 identical lines in a 10 s wrk run, 40% of the app's throughput). Every drop is still counted in
    /// <see cref="RipeClientStatistics.Dropped"/> and reported to <see cref="RipeClientOptions.OnMessageDropped"/>.
    /// </summary>
    internal sealed class DropLog
    {
        private static readonly long Interval = Stopwatch.Frequency * 10;

        private readonly ILogger? _logger;
        private readonly int _maxQueueLength;
        private long _lastLogged;
        private int _since;
        private int _logged;

        public DropLog(ILogger? logger, int maxQueueLength)
        {
            _logger = logger;
            _maxQueueLength = maxQueueLength;
        }

        public void Dropped(string call, string messageId)
        {
            if (_logger is null)
            {
                return;
            }

            if (Interlocked.Exchange(ref _logged, 1) == 0)
            {
                Volatile.Write(ref _lastLogged, Stopwatch.GetTimestamp());
                _logger.LogWarning(
                    "Dropped {Call} {MessageId}: the queue holds RipeClientOptions.MaxQueueLength ({Max}) messages and no SpoolDirectory is set. Further drops are logged as a count at most every 10 s.",
                    call, messageId, _maxQueueLength);
                return;
            }

            int since = Interlocked.Increment(ref _since);
            long now = Stopwatch.GetTimestamp();
            long last = Volatile.Read(ref _lastLogged);
            if (now - last >= Interval && Interlocked.CompareExchange(ref _lastLogged, now, last) == last)
            {
                int count = Interlocked.Exchange(ref _since, 0);
                _logger.LogWarning(
                    "Dropped {Count} more message(s) in the last {Seconds} s: the queue holds RipeClientOptions.MaxQueueLength ({Max}) messages and no SpoolDirectory is set.",
                    count, (now - last) / Stopwatch.Frequency, _maxQueueLength);
            }
        }
    }
}
