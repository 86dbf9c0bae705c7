using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RipeTyped.Delivery.Policy;
using RipeTyped.Delivery.Spool;

namespace RipeTyped.Delivery.Queue
{
    /// <summary>
    /// The <see cref="RipeClientOptions.MaxConcurrentRequests"/> delivery workers. A worker asks the state machine
    /// whether it may send, makes one attempt and hands the outcome back: the message is then finished, or waits in the
    /// retry schedule without holding the worker, so failing requests never hold up healthy ones.
    /// </summary>
    internal sealed class DeliveryWorkers
    {
        private readonly DeliveryBacklog _backlog;
        private readonly DeliveryStateMachine _machine;
        private readonly DeliveryClock _clock;
        private readonly RipeHttpSender _sender;
        private readonly DiskSpool? _spool;
        private readonly RipeClientOptions _options;
        private readonly RipeClientStatistics _statistics;
        private readonly ILogger? _logger;
        private readonly Action _retryScheduled;
        private readonly Action _finished;

        /// <summary>
        /// Starts the workers. <paramref name="retryScheduled"/> wakes the retry scheduler (a new earliest retry);
        /// <paramref name="finished"/> says a message left memory (the spool loader may read more back).
        /// </summary>
        public DeliveryWorkers(
            DeliveryBacklog backlog, DeliveryStateMachine machine, DeliveryClock clock, RipeHttpSender sender, DiskSpool? spool,
            RipeClientOptions options, RipeClientStatistics statistics, Action retryScheduled, Action finished)
        {
            _backlog = backlog;
            _machine = machine;
            _clock = clock;
            _sender = sender;
            _spool = spool;
            _options = options;
            _statistics = statistics;
            _logger = GuardedLogger.Wrap(options.Logger);
            _retryScheduled = retryScheduled;
            _finished = finished;
            var workers = new Task[options.MaxConcurrentRequests];
            for (int i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(WorkAsync);
            }

            Completion = Task.WhenAll(workers);
        }

        /// <summary>Ends when the backlog's channel completed and every worker finished its message.</summary>
        public Task Completion { get; }

        private async Task WorkAsync()
        {
            var reader = _backlog.Reader;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    await DeliverAsync(message).ConfigureAwait(false);
                }
            }
        }

        /// <summary>One attempt; then the message is finished, or waits in the schedule without holding this worker.</summary>
        private async Task DeliverAsync(OutgoingMessage message)
        {
            bool probe = false;
            try
            {
                probe = await WaitForTurnAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the attempt below reports the message as stopped at once.
            }

            var attempt = await AttemptAsync(message).ConfigureAwait(false);
            var verdict = _machine.AfterAttempt(message, attempt, probe, _backlog.IsStopping, _clock.Now);
            LogGateChange(verdict.Change, attempt);
            if (!verdict.Retry)
            {
                if (verdict.Outcome == RipeDeliveryOutcome.Delivered || verdict.Outcome == RipeDeliveryOutcome.Rejected)
                {
                    Acknowledge(message);
                }
                else if (verdict.Outcome == RipeDeliveryOutcome.RetriesExhausted)
                {
                    _logger?.LogWarning(
                        "Giving up on {Call} {MessageId} after {Attempts} attempts; last: {LastAttempt}.",
                        message.Call.Path(), message.MessageId, message.Attempts, attempt.Describe());
                }

                Finish(message, verdict.Outcome, verdict.Last);
                return;
            }

            _statistics.OnRetry();
            if (_logger?.IsEnabled(LogLevel.Debug) == true)
            {
                _logger.LogDebug(
                    "Retrying {Call} {MessageId} in {Delay} ms (attempt {Attempt}); last: {LastAttempt}.",
                    message.Call.Path(), message.MessageId, (long)verdict.Delay.TotalMilliseconds, message.Attempts + 1, attempt.Describe());
            }

            // The scheduler sleeps until the earliest due time; only a new earliest needs to wake it.
            if (verdict.IsEarliest)
            {
                _retryScheduled();
            }
        }

        /// <summary>Waits until the gate lets this worker send; true when it goes as the breaker's probe.</summary>
        private async Task<bool> WaitForTurnAsync()
        {
            while (true)
            {
                var decision = _machine.BeforeAttempt(_clock.Now, out var probeAnswered);
                switch (decision.Action)
                {
                    case GateAction.Send:
                        return false;
                    case GateAction.Probe:
                        return true;
                    case GateAction.WaitForProbe:
                        await WaitOrStopAsync(probeAnswered!).ConfigureAwait(false);
                        break;
                    default:
                        var wait = _clock.Delay(RetrySchedule.WaitFor(decision.Until - _clock.Now), _backlog.Stopping);

                        // Checked again once armed: a clock that moved on between reading it and arming the delay (a
                        // test's FakeTimeProvider.Advance) armed it relative to the later time; the gate may be open already.
                        if (_clock.Now < decision.Until)
                        {
                            await wait.ConfigureAwait(false);
                        }

                        break;
                }
            }
        }

        private async Task WaitOrStopAsync(Task answered)
        {
            if (!answered.IsCompleted)
            {
                var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (_backlog.Stopping.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), stopped))
                {
                    await Task.WhenAny(answered, stopped.Task).ConfigureAwait(false);
                }
            }

            _backlog.Stopping.ThrowIfCancellationRequested();
        }

        private async Task<SendAttempt> AttemptAsync(OutgoingMessage message)
        {
            if (_backlog.IsStopping)
            {
                return SendAttempt.Stopped;
            }

            try
            {
                return await _sender.AttemptAsync(message, _backlog.Stopping).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Anything unexpected fails this attempt only; the worker must survive.
                return SendAttempt.Transient(null, null, ex, null);
            }
        }

        private void LogGateChange(GateChange change, SendAttempt attempt)
        {
            if (_logger is null || change == GateChange.None)
            {
                return;
            }

            var (pause, downs, samples) = _machine.BreakerFigures;
            switch (change)
            {
                case GateChange.Paused:
                    _logger.LogWarning("Ripe answered HTTP {Status} with Retry-After: pausing all delivery for {Delay} ms.", attempt.Status, (long)attempt.RetryAfter!.Value.TotalMilliseconds);
                    break;
                case GateChange.Broke:
                    _logger.LogWarning("{Downs} of the last {Samples} attempts failed: Ripe looks down; delivery stops for {Delay} ms, then one probe.", downs, samples, (long)pause.TotalMilliseconds);
                    break;
                case GateChange.StillDown:
                    _logger.LogWarning("Ripe is still down (probe failed); next probe in {Delay} ms.", (long)pause.TotalMilliseconds);
                    break;
                case GateChange.Resumed:
                    _logger.LogInformation("Ripe answers again; delivery resumes.");
                    break;
            }
        }

        private void Acknowledge(OutgoingMessage message)
        {
            try
            {
                _spool?.Acknowledge(message);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
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

            _backlog.Finished(message);
            _finished();
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
