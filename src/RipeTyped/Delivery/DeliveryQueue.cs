using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RipeTyped.Delivery.Spool;

namespace RipeTyped.Delivery
{
    /// <summary>What happened to a message handed to <see cref="DeliveryQueue.Enqueue"/>.</summary>
    internal enum EnqueueResult
    {
        Queued,
        SpilledToDisk,
        Dropped,
        Closed,
    }

    /// <summary>
    /// The bounded in-memory queue, its <see cref="RipeClientOptions.MaxConcurrentRequests"/> delivery workers, the
    /// retry schedule, the optional durable spool and the flush generations. Calls never wait on it; flushes and
    /// disposal do. A worker makes one attempt and moves on: a message that must wait for its backoff waits in the
    /// <see cref="RetrySchedule"/>, still counted against <see cref="RipeClientOptions.MaxQueueLength"/>, so failing
    /// requests never hold up healthy ones. <see cref="SendGate"/> pauses everyone only when Ripe asks or is down.
    /// </summary>
    internal sealed partial class DeliveryQueue
    {
        private readonly Channel<OutgoingMessage> _channel = Channel.CreateUnbounded<OutgoingMessage>(
            new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

        private readonly object _gate = new object();
        private readonly FlushGenerations _generations = new FlushGenerations();
        private readonly RipeHttpSender _sender;
        private readonly RipeClientOptions _options;
        private readonly RipeClientStatistics _statistics;
        private readonly ILogger? _logger;
        private readonly DiskSpool? _spool;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly SemaphoreSlim _loadSignal = new SemaphoreSlim(0);
        private readonly SemaphoreSlim _scheduleSignal = new SemaphoreSlim(0);
        private readonly RetrySchedule _schedule = new RetrySchedule();
        private readonly SendGate _sendGate;
        private readonly RetryPolicy _retryPolicy;
        private readonly Task _workers;
        private readonly Task _scheduler;
        private readonly Task? _loader;

        // Every message held in memory until it is finished: in the channel, in flight, or waiting in the retry schedule,
        // so a retry keeps its place under MaxQueueLength. Changed with Interlocked only: workers lower it outside the lock.
        private int _inMemory;
        private int _loadRequested;
        private bool _loading;
        private bool _completing;

        /// <exception cref="IOException">The spool directory cannot be opened.</exception>
        public DeliveryQueue(RipeHttpSender sender, RipeClientOptions options, RipeClientStatistics statistics)
        {
            _sender = sender;
            _options = options;
            _statistics = statistics;
            _logger = options.Logger;
            _sendGate = new SendGate(options.RetryBaseDelay, options.RetryMaxDelay, _logger);
            _retryPolicy = sender.RetryPolicy;
            if (options.SpoolDirectory != null)
            {
                // Cold segments are read back whole once the queue is half empty, so half the queue bounds a segment.
                int recordsPerSegment = Math.Max(1, Math.Min(1000, options.MaxQueueLength / 2));
                _spool = DiskSpool.Open(options.SpoolDirectory, recordsPerSegment, options.MaxMessageBytes, _logger, _generations.Current, out int recovered);
                _generations.Current.Pending = recovered;
                statistics.SpoolPendingSource = () => _spool.Outstanding;
            }

            statistics.QueueLengthSource = () => Volatile.Read(ref _inMemory);
            statistics.ScheduledRetriesSource = () => { lock (_gate) { return _schedule.Count; } };
            statistics.DeliveryStateSource = () => (RipeDeliveryState)(int)_sendGate.State;
            statistics.BreaksSource = () => _sendGate.Breaks;
            _scheduler = Task.Run(ScheduleAsync);
            var workers = new Task[options.MaxConcurrentRequests];
            for (int i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(WorkAsync);
            }

            _workers = Task.WhenAll(workers);
            if (_spool != null)
            {
                _loader = Task.Run(LoadColdSegmentsAsync);
                RequestLoad();
            }
        }

        /// <summary>Accepts a message: into memory, onto disk (spool), or not at all when full or closed.</summary>
        /// <exception cref="IOException">Only when the spool cannot be written and the memory queue is full as well.</exception>
        public EnqueueResult Enqueue(OutgoingMessage message)
        {
            lock (_gate)
            {
                if (_completing)
                {
                    return EnqueueResult.Closed;
                }

                bool roomInMemory = Volatile.Read(ref _inMemory) < _options.MaxQueueLength;
                message.Epoch = _generations.Current;
                if (_spool != null)
                {
                    bool hot = roomInMemory && !_spool.HasCold;
                    try
                    {
                        _spool.Append(message, hot);
                        _generations.Current.Pending++;
                        _statistics.OnSpooled(spilled: !hot);
                        if (hot)
                        {
                            Interlocked.Increment(ref _inMemory);
                            _channel.Writer.TryWrite(message);
                            return EnqueueResult.Queued;
                        }

                        return EnqueueResult.SpilledToDisk;
                    }
                    catch (IOException ex)
                    {
                        // Disk full or gone: keep the message in memory if there is room rather than lose it.
                        _logger?.LogError(ex, "Could not write {Call} {MessageId} to the spool; keeping it in memory only.", message.Call.Path(), message.MessageId);
                        message.Segment = null;
                    }
                }

                if (!roomInMemory)
                {
                    return EnqueueResult.Dropped;
                }

                _generations.Current.Pending++;
                Interlocked.Increment(ref _inMemory);
                _channel.Writer.TryWrite(message);
                return EnqueueResult.Queued;
            }
        }

        /// <summary>
        /// Waits until every message accepted before this call has finished (delivered, given up on, or left in the
        /// spool). False when <paramref name="timeout"/> ran out first.
        /// </summary>
        public async Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            FlushEpoch sealedEpoch;
            lock (_gate)
            {
                sealedEpoch = _generations.Seal();
            }

            var drained = sealedEpoch.Drained.Task;
            if (drained.IsCompleted)
            {
                return true;
            }

            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(timeout, cancel.Token);
            var first = await Task.WhenAny(drained, delay).ConfigureAwait(false);
            cancel.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return first == drained;
        }

        /// <summary>Stops accepting messages; the returned task ends when every worker has finished.</summary>
        public Task CompleteAsync()
        {
            lock (_gate)
            {
                _completing = true;
                CompleteChannelIfNothingLeft();
            }

            _loadSignal.Release(); // wakes the loader to finish reading the spool back, or to end
            return _loader is null ? Task.WhenAll(_workers, _scheduler) : Task.WhenAll(_workers, _scheduler, _loader);
        }

        /// <summary>Stops retrying: what is in flight, queued or scheduled is reported (or left in the spool) at once.</summary>
        public void Abort()
        {
            _stopping.Cancel();
            lock (_gate)
            {
                _completing = true;
                CompleteChannelIfNothingLeft();
            }

            _scheduleSignal.Release(); // scheduled retries go to the workers now, which report them
        }

        /// <summary>After the workers ended: releases the spool and wakes any flush still waiting.</summary>
        public void Close()
        {
            _spool?.Dispose();
            lock (_gate)
            {
                _generations.Close();
            }
        }

        private async Task WorkAsync()
        {
            var reader = _channel.Reader;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    await DeliverAsync(message).ConfigureAwait(false);
                    lock (_gate)
                    {
                        CompleteChannelIfNothingLeft();
                    }
                }
            }
        }

        /// <summary>One attempt; then the message is finished, or waits in the schedule without holding this worker.</summary>
        private async Task DeliverAsync(OutgoingMessage message)
        {
            bool probe = false;
            try
            {
                probe = await _sendGate.WaitAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            var attempt = await AttemptAsync(message).ConfigureAwait(false);
            _sendGate.Report(attempt, probe);
            if (attempt.Kind != AttemptKind.Stopped)
            {
                message.Attempts++;
                message.LastAttempt = attempt;
            }

            switch (attempt.Kind)
            {
                case AttemptKind.Delivered:
                    Acknowledge(message);
                    Finish(message, RipeDeliveryOutcome.Delivered, attempt);
                    return;
                case AttemptKind.Rejected:
                    Acknowledge(message);
                    Finish(message, RipeDeliveryOutcome.Rejected, attempt);
                    return;
                case AttemptKind.Stopped:
                    Finish(message, message.Segment != null ? RipeDeliveryOutcome.KeptInSpool : RipeDeliveryOutcome.ShutdownTimedOut, message.LastAttempt);
                    return;
            }

            if (_stopping.IsCancellationRequested)
            {
                Finish(message, message.Segment != null ? RipeDeliveryOutcome.KeptInSpool : RipeDeliveryOutcome.ShutdownTimedOut, attempt);
                return;
            }

            var decision = _retryPolicy.Next(message.Attempts, message.Segment != null, attempt);
            if (!decision.Retry)
            {
                _logger?.LogWarning(
                    "Giving up on {Call} {MessageId} after {Attempts} attempts; last: {LastAttempt}.",
                    message.Call.Path(), message.MessageId, message.Attempts, attempt.Describe());
                Finish(message, RipeDeliveryOutcome.RetriesExhausted, attempt);
                return;
            }

            if (decision.StartsOver)
            {
                message.Attempts = 0;
            }

            TimeSpan delay = decision.Delay;
            _statistics.OnRetry();
            if (_logger?.IsEnabled(LogLevel.Debug) == true)
            {
                _logger.LogDebug(
                    "Retrying {Call} {MessageId} in {Delay} ms (attempt {Attempt}); last: {LastAttempt}.",
                    message.Call.Path(), message.MessageId, (long)delay.TotalMilliseconds, message.Attempts + 1, attempt.Describe());
            }
            bool earliest;
            lock (_gate)
            {
                long? before = _schedule.NextDue;
                _schedule.Add(message, delay);
                earliest = _schedule.NextDue != before;
            }

            // The scheduler sleeps until the earliest due time; only a new earliest needs to wake it.
            if (earliest)
            {
                _scheduleSignal.Release();
            }
        }

        private async Task<SendAttempt> AttemptAsync(OutgoingMessage message)
        {
            if (_stopping.IsCancellationRequested)
            {
                return SendAttempt.Stopped;
            }

            try
            {
                return await _sender.AttemptAsync(message, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Anything unexpected fails this attempt only; the worker must survive.
                return SendAttempt.Transient(null, null, ex, null);
            }
        }

        /// <summary>Hands scheduled retries to the workers when they are due (all of them at once when stopping).</summary>
        private async Task ScheduleAsync()
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    bool stopping = _stopping.IsCancellationRequested;
                    foreach (var message in _schedule.TakeDue(System.Diagnostics.Stopwatch.GetTimestamp(), all: stopping))
                    {
                        _channel.Writer.TryWrite(message);
                    }

                    CompleteChannelIfNothingLeft();
                    if (_channel.Reader.Completion.IsCompleted)
                    {
                        return;
                    }

                    wait = RetrySchedule.WaitFor(_schedule.UntilNextDue(System.Diagnostics.Stopwatch.GetTimestamp()));
                }

                // Woken early by a new retry (which may be due sooner), by shutdown, or by the channel completing.
                await _scheduleSignal.WaitAsync(wait).ConfigureAwait(false);
            }
        }

        private void Acknowledge(OutgoingMessage message)
        {
            try
            {
                _spool?.Acknowledge(message);
            }
            catch (IOException ex)
            {
                // The message is then re-sent by the next start: a duplicate Ripe can drop by messageId, not a loss.
                _logger?.LogWarning(ex, "Could not record delivery of {MessageId} in the spool; it may be sent again after a restart.", message.MessageId);
            }
        }

        private void Finish(OutgoingMessage message, RipeDeliveryOutcome outcome, SendAttempt? last)
        {
            if (outcome == RipeDeliveryOutcome.Delivered)
            {
                _statistics.OnDelivered();
            }
            else if (outcome != RipeDeliveryOutcome.KeptInSpool)
            {
                _statistics.OnFailed();
            }

            // The report is built only for a callback that reads it: most clients set none, and this runs per message.
            var callback = outcome == RipeDeliveryOutcome.Delivered ? _options.OnMessageDelivered : _options.OnMessageFailed;
            if (callback != null)
            {
                Notify(callback, new RipeDeliveryReport(message.Call.Path(), message.MessageId, outcome, last?.Status, last?.Body, message.Attempts,
                    outcome == RipeDeliveryOutcome.ShutdownTimedOut || outcome == RipeDeliveryOutcome.KeptInSpool ? (last?.Exception ?? RipeHttpSender.ShutdownTimedOut()) : last?.Exception));
            }

            lock (_gate)
            {
                _generations.Finished(message.Epoch!);
            }

            Interlocked.Decrement(ref _inMemory);
            RequestLoad();
        }

        /// <summary>After <see cref="CompleteAsync"/>: ends the workers once nothing is queued, scheduled, in flight or left on disk.</summary>
        private void CompleteChannelIfNothingLeft()
        {
            if (_completing && !_loading && (_spool is null || !_spool.HasCold || _stopping.IsCancellationRequested) &&
                Volatile.Read(ref _inMemory) == 0 && _channel.Writer.TryComplete())
            {
                _scheduleSignal.Release(); // lets the scheduler end too
            }
        }

        private static void Notify(Action<RipeDeliveryReport> callback, RipeDeliveryReport report)
        {
            try
            {
                callback(report);
            }
            catch
            {
                // A throwing user callback must not stop delivery of the messages behind this one.
            }
        }
    }
}
