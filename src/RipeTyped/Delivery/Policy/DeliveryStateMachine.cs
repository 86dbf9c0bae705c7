using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace RipeTyped.Delivery.Policy
{
    /// <summary>What happens to a message after an attempt.</summary>
    internal readonly struct AttemptVerdict
    {
        private AttemptVerdict(bool retry, RipeDeliveryOutcome outcome, SendAttempt? last, TimeSpan delay, bool earliest, GateChange change)
        {
            Retry = retry;
            Outcome = outcome;
            Last = last;
            Delay = delay;
            IsEarliest = earliest;
            Change = change;
        }

        /// <summary>True: the message waits in the retry schedule for <see cref="Delay"/>. False: it is finished with <see cref="Outcome"/>.</summary>
        public bool Retry { get; }

        public RipeDeliveryOutcome Outcome { get; }

        /// <summary>The attempt that decided the outcome (the last real one when this one was stopped).</summary>
        public SendAttempt? Last { get; }

        public TimeSpan Delay { get; }

        /// <summary>The retry is now the earliest in the schedule: the scheduler must wake up for it.</summary>
        public bool IsEarliest { get; }

        /// <summary>What the outcome changed at the gate (logged by the caller).</summary>
        public GateChange Change { get; }

        public static AttemptVerdict Finish(RipeDeliveryOutcome outcome, SendAttempt? last, GateChange change) =>
            new AttemptVerdict(false, outcome, last, default, false, change);

        public static AttemptVerdict RetryAfter(TimeSpan delay, SendAttempt last, bool earliest, GateChange change) =>
            new AttemptVerdict(true, default, last, delay, earliest, change);
    }

    /// <summary>
    /// The sender's decisions in one place: who may send when (<see cref="DeliveryGate"/>: pause and breaker), what an
    /// attempt's outcome means for its message (<see cref="RetryPolicy"/>), and when a waiting message is due
    /// (<see cref="RetrySchedule"/>). Inputs are outcomes and times; outputs say what to send when. It reads no clock,
    /// starts no timer and never waits, so tests drive it with made-up times; the delivery queue supplies
    /// <c>now</c> from the client's <see cref="TimeProvider"/> and does the waiting. Thread-safe: one lock, held briefly.
    /// </summary>
    internal sealed class DeliveryStateMachine
    {
        private readonly object _lock = new object();
        private readonly DeliveryGate _gate;
        private readonly RetryPolicy _policy;
        private readonly RetrySchedule _schedule = new RetrySchedule();
        private TaskCompletionSource<bool>? _probeAnswered;

        /// <summary><paramref name="random"/>: the backoff jitter, uniform in [0, 1); called under this machine's lock.</summary>
        public DeliveryStateMachine(RipeClientOptions options, Func<double> random)
        {
            _gate = new DeliveryGate(options.RetryBaseDelay, options.RetryMaxDelay);
            _policy = new RetryPolicy(options, random);
        }

        public long Breaks
        {
            get
            {
                lock (_lock)
                {
                    return _gate.Breaks;
                }
            }
        }

        /// <summary>Messages waiting for a retry.</summary>
        public int Scheduled
        {
            get
            {
                lock (_lock)
                {
                    return _schedule.Count;
                }
            }
        }

        /// <summary>The earliest due time in the schedule; null when nothing waits.</summary>
        public TimeSpan? NextDue
        {
            get
            {
                lock (_lock)
                {
                    return _schedule.NextDue;
                }
            }
        }

        public GateState StateAt(TimeSpan now)
        {
            lock (_lock)
            {
                return _gate.StateAt(now);
            }
        }

        /// <summary>The length of the current (or next) break, and the window's figures, for log lines.</summary>
        public (TimeSpan Break, int Downs, int Samples) BreakerFigures
        {
            get
            {
                lock (_lock)
                {
                    return (_gate.Break, _gate.RecentDowns, _gate.RecentSamples);
                }
            }
        }

        /// <summary>
        /// Asked by a worker about to send. With <see cref="GateAction.WaitForProbe"/>, <paramref name="probeAnswered"/>
        /// completes when the probe's outcome is reported (no polling).
        /// </summary>
        public GateDecision BeforeAttempt(TimeSpan now, out Task? probeAnswered)
        {
            lock (_lock)
            {
                var decision = _gate.Next(now);
                probeAnswered = null;
                if (decision.Action == GateAction.Probe)
                {
                    _probeAnswered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                else if (decision.Action == GateAction.WaitForProbe)
                {
                    probeAnswered = _probeAnswered?.Task ?? Task.CompletedTask;
                }

                return decision;
            }
        }

        /// <summary>
        /// Records an attempt of <paramref name="message"/> and decides its fate: finished (delivered, rejected, given up,
        /// stopped) or scheduled for a retry at <paramref name="now"/> + the verdict's delay. <paramref name="probe"/>: the
        /// attempt was the breaker's probe; <paramref name="stopping"/>: shutdown ran out of time, nothing is retried any more.
        /// </summary>
        public AttemptVerdict AfterAttempt(OutgoingMessage message, SendAttempt attempt, bool probe, bool stopping, TimeSpan now)
        {
            lock (_lock)
            {
                var change = _gate.Report(attempt, probe, now);
                if (probe)
                {
                    _probeAnswered?.TrySetResult(true);
                    _probeAnswered = null;
                }

                if (attempt.Kind != AttemptKind.Stopped)
                {
                    message.Attempts++;
                    message.LastAttempt = attempt;
                }

                switch (attempt.Kind)
                {
                    case AttemptKind.Delivered:
                        return AttemptVerdict.Finish(RipeDeliveryOutcome.Delivered, attempt, change);
                    case AttemptKind.Rejected:
                        return AttemptVerdict.Finish(RipeDeliveryOutcome.Rejected, attempt, change);
                    case AttemptKind.Stopped:
                        return AttemptVerdict.Finish(Stopped(message), message.LastAttempt, change);
                }

                if (stopping)
                {
                    return AttemptVerdict.Finish(Stopped(message), attempt, change);
                }

                var decision = _policy.Next(message.Attempts, message.Segment != null, attempt);
                if (!decision.Retry)
                {
                    return AttemptVerdict.Finish(RipeDeliveryOutcome.RetriesExhausted, attempt, change);
                }

                if (decision.StartsOver)
                {
                    message.Attempts = 0;
                }

                var before = _schedule.NextDue;
                _schedule.Add(message, now + decision.Delay);
                return AttemptVerdict.RetryAfter(decision.Delay, attempt, _schedule.NextDue != before, change);
            }
        }

        /// <summary>Removes and returns the retries due at <paramref name="now"/> (every one when <paramref name="all"/>: shutdown).</summary>
        public List<OutgoingMessage> TakeDue(TimeSpan now, bool all)
        {
            lock (_lock)
            {
                return _schedule.TakeDue(now, all);
            }
        }

        // Stopped before an answer: a spooled message stays on disk for the next start; one in memory only is lost.
        private static RipeDeliveryOutcome Stopped(OutgoingMessage message) =>
            message.Segment != null ? RipeDeliveryOutcome.KeptInSpool : RipeDeliveryOutcome.ShutdownTimedOut;
    }
}
