using System;
using System.Threading;
using System.Threading.Tasks;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// Delivery's one clock, over <see cref="RipeClientOptions.TimeProvider"/>: the state machine's <see cref="Now"/> (time
    /// since the client started), message timestamps, and every wait and timeout of the queue and the sender. Nothing
    /// in delivery reads another clock, so a fake <see cref="TimeProvider"/> runs retries, pauses and breaks without waiting.
    /// </summary>
    internal sealed class DeliveryClock
    {
        private readonly long _start;
        private readonly bool _isSystem;

        public DeliveryClock(TimeProvider time)
        {
            Time = time;
            _isSystem = ReferenceEquals(time, TimeProvider.System);
            _start = time.GetTimestamp();
        }

        public TimeProvider Time { get; }

        /// <summary>Time since the client started: the state machine's time axis.</summary>
        public TimeSpan Now => Time.GetElapsedTime(_start);

        public DateTimeOffset UtcNow => Time.GetUtcNow();

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
            Task.Delay(delay, Time, cancellationToken);
#else
            Time.Delay(delay, cancellationToken);
#endif

        /// <summary>A timer that is not running yet (start it with <see cref="ITimer.Change"/>).</summary>
        public ITimer CreateStoppedTimer(TimerCallback callback, object? state) =>
            Time.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        /// <summary>
        /// A token cancelled by <paramref name="linked"/> or after <paramref name="timeout"/>, whichever comes first;
        /// dispose it when the attempt ends. On the system clock this is one linked source with <c>CancelAfter</c>; only
        /// another clock pays for a second, timed source, disposed with it.
        /// </summary>
        public AttemptTimeout CancelAfter(TimeSpan timeout, CancellationToken linked)
        {
            if (_isSystem)
            {
                var source = CancellationTokenSource.CreateLinkedTokenSource(linked);
                source.CancelAfter(timeout);
                return new AttemptTimeout(source, null);
            }

#if NET8_0_OR_GREATER
            var timed = new CancellationTokenSource(timeout, Time);
#else
            var timed = Time.CreateCancellationTokenSource(timeout);
#endif
            return new AttemptTimeout(CancellationTokenSource.CreateLinkedTokenSource(linked, timed.Token), timed);
        }
    }

    /// <summary>An attempt's timeout token and the sources behind it, released together.</summary>
    internal readonly struct AttemptTimeout : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private readonly CancellationTokenSource? _timed;

        public AttemptTimeout(CancellationTokenSource source, CancellationTokenSource? timed)
        {
            _source = source;
            _timed = timed;
        }

        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            _source.Dispose();
            _timed?.Dispose();
        }
    }
}
