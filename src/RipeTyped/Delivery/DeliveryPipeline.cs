using System;
using System.Threading;
using System.Threading.Tasks;
using RipeTyped.Delivery.Policy;
using RipeTyped.Delivery.Queue;
using RipeTyped.Delivery.Spool;
using RipeTyped.Serialization;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// The composition root of delivery: builds the clock, the state machine (gate, retry policy, schedule), the spool,
    /// the HTTP sender, and the parts that move messages — intake on the caller's thread, the workers, the retry
    /// scheduler and the spool loader — around one shared <see cref="DeliveryBacklog"/>. The client talks only to this.
    /// Calls never wait on delivery; flushes and shutdown do.
    /// </summary>
    internal sealed class DeliveryPipeline : IMessageSink
    {
        private readonly DeliveryBacklog _backlog;
        private readonly RipeHttpSender _sender;
        private readonly DiskSpool? _spool;
        private readonly MessageIntake _intake;
        private readonly DeliveryWorkers _workers;
        private readonly RetryScheduler _scheduler;
        private readonly SpoolLoader? _loader;
        private readonly DeliveryClock _clock;

        private DeliveryPipeline(RipeClientOptions options, RipeClientStatistics statistics)
        {
            _clock = new DeliveryClock(options.TimeProvider);
            var random = options.Jitter ?? new Random().NextDouble;
            var machine = new DeliveryStateMachine(options, random);
            _backlog = new DeliveryBacklog();
            _sender = new RipeHttpSender(options, _clock);
            try
            {
                if (options.SpoolDirectory != null)
                {
                    // Cold segments are read back whole once the queue is half empty, so half the queue bounds a segment.
                    int recordsPerSegment = Math.Max(1, Math.Min(1000, options.MaxQueueLength / 2));
                    var recoveryEpoch = _backlog.CurrentGeneration;
                    _spool = DiskSpool.Open(options.SpoolDirectory, recordsPerSegment, options.MaxMessageBytes, GuardedLogger.Wrap(options.Logger), recoveryEpoch, out int recovered);
                    recoveryEpoch.Pending = recovered;
                    statistics.SpoolPendingSource = () => _spool.Outstanding;
                }
            }
            catch
            {
                _sender.Dispose();
                throw;
            }

            _scheduler = new RetryScheduler(_backlog, machine, _clock);
            _loader = _spool is null ? null : new SpoolLoader(_backlog, _spool, options);
            var loader = _loader;
            _intake = new MessageIntake(_backlog, _spool, options, statistics, spilled: loader is null ? () => { } : loader.RequestLoad);
            var scheduler = _scheduler;
            _backlog.Attach(
                diskHoldsMore: loader is null ? () => false : () => loader.DiskHoldsMore,
                ended: () =>
                {
                    scheduler.Wake();
                    loader?.Wake();
                });
            _workers = new DeliveryWorkers(_backlog, machine, _clock, _sender, _spool, options, statistics,
                retryScheduled: scheduler.Wake,
                finished: loader is null ? () => { } : loader.RequestLoad);

            statistics.QueueLengthSource = () => _backlog.InMemory;
            statistics.ScheduledRetriesSource = () => machine.Scheduled;
            statistics.DeliveryStateSource = () => (RipeDeliveryState)(int)machine.StateAt(_clock.Now);
            statistics.BreaksSource = () => machine.Breaks;
        }

        public DeliveryClock Clock => _clock;

        /// <exception cref="System.IO.IOException">The spool directory cannot be opened.</exception>
        public static DeliveryPipeline Start(RipeClientOptions options, RipeClientStatistics statistics) => new DeliveryPipeline(options, statistics);

        /// <summary>Accepts a message (on the caller's thread): into memory, onto disk, or not at all.</summary>
        public EnqueueResult Accept(in CallContent content, string messageId, byte[] body) =>
            _intake.Enqueue(new OutgoingMessage(content.Call, messageId, body));

        public Task<bool> CheckApiKeyAsync(CancellationToken cancellationToken) => _sender.CheckApiKeyAsync(cancellationToken);

        /// <summary>
        /// Waits until every message accepted before this call has finished (delivered, given up on, or left in the
        /// spool). False when <paramref name="timeout"/> (on the client's clock) ran out first.
        /// </summary>
        public async Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var drained = _backlog.Seal();
            if (drained.IsCompleted)
            {
                return drained.Result; // false when the client closed with messages undelivered
            }

            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = timeout == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.Infinite, cancel.Token) : _clock.Delay(timeout, cancel.Token);
            var first = await Task.WhenAny(drained, delay).ConfigureAwait(false);
            cancel.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return first == drained && drained.Result;
        }

        /// <summary>Stops accepting messages; the returned task ends when every worker and loop has finished.</summary>
        public Task CompleteAsync()
        {
            _backlog.Complete();
            _loader?.Wake(); // to finish reading the spool back, or to end
            return _loader is null
                ? Task.WhenAll(_workers.Completion, _scheduler.Completion)
                : Task.WhenAll(_workers.Completion, _scheduler.Completion, _loader.Completion);
        }

        /// <summary>Stops retrying: what is in flight, queued or scheduled is reported (or left in the spool) at once.</summary>
        public void Abort()
        {
            _backlog.Stop();
            _scheduler.Wake(); // scheduled retries go to the workers now, which report them
        }

        /// <summary>After the workers ended: releases the spool, the timer and the sender, and wakes any flush still waiting.</summary>
        public void Dispose()
        {
            _spool?.Dispose();
            _scheduler.Dispose();
            _backlog.Close();
            _sender.Dispose();
        }
    }
}
