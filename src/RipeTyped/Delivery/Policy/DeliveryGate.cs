using System;

namespace RipeTyped.Delivery.Policy
{
    /// <summary>Whether the workers may send now (docs/delivery.md, "When Ripe is flaky").</summary>
    internal enum GateState
    {
        /// <summary>Sending normally.</summary>
        Open,

        /// <summary>Ripe asked for a pause (429/503 with Retry-After): nobody sends until it is over.</summary>
        Paused,

        /// <summary>Most recent attempts failed: nobody sends until the break is over, then one probe goes.</summary>
        Broken,

        /// <summary>The break is over and one probe is out; the others wait for its answer.</summary>
        Probing,
    }

    /// <summary>What a worker about to send must do.</summary>
    internal enum GateAction
    {
        /// <summary>Send now.</summary>
        Send,

        /// <summary>Send now as the breaker's probe; report the outcome with <c>probe: true</c>.</summary>
        Probe,

        /// <summary>Wait until <see cref="GateDecision.Until"/>, then ask again.</summary>
        WaitUntil,

        /// <summary>A probe is out: wait for its answer, then ask again.</summary>
        WaitForProbe,
    }

    internal readonly struct GateDecision
    {
        public GateDecision(GateAction action, TimeSpan until)
        {
            Action = action;
            Until = until;
        }

        public GateAction Action { get; }

        /// <summary>For <see cref="GateAction.WaitUntil"/>: the time (on the gate's clock) to ask again.</summary>
        public TimeSpan Until { get; }

        public override string ToString() => Action == GateAction.WaitUntil ? $"WaitUntil {Until.TotalMilliseconds} ms" : Action.ToString();
    }

    /// <summary>What an outcome changed, for the one log line the caller writes about it.</summary>
    internal enum GateChange
    {
        None,

        /// <summary>Ripe asked for a pause longer than the one in force.</summary>
        Paused,

        /// <summary>Too many recent attempts found Ripe down: the breaker opened.</summary>
        Broke,

        /// <summary>The probe failed: a longer break starts.</summary>
        StillDown,

        /// <summary>The probe succeeded: sending resumes.</summary>
        Resumed,
    }

    /// <summary>
    /// Slows delivery down only when Ripe asks or is down: the pause and the breaker, as a state machine over outcomes
    /// and time. It reads no clock and never waits: every call takes <c>now</c> (time since the client started, on the
    /// client's <see cref="TimeProvider"/>), so it is tested by feeding outcomes and times. Not thread-safe; its owner locks.
    /// <para>
    /// A <c>Retry-After</c> on 429/503 pauses every worker for the time asked, and no longer. The breaker watches the last
    /// <see cref="Window"/> attempts: when more than half of at least <see cref="MinimumSamples"/> of them found Ripe down
    /// (5xx, network error, timeout), all sending stops for a break (2 × RetryBaseDelay at first, doubling up to
    /// RetryMaxDelay); then one probe goes, and its success resumes sending while its failure starts a longer break.
    /// Random faults under half of the traffic never trip it.
    /// </para>
    /// </summary>
    internal sealed class DeliveryGate
    {
        // 100 attempts, at least 50 seen: 30% random faults reach a majority of 50 with probability about 4 in 10,000
        // per look, and of 100 far less, so only a real outage (which fails almost everything) trips it.
        public const int Window = 100;
        public const int MinimumSamples = 50;

        private readonly bool[] _recent = new bool[Window];
        private readonly TimeSpan _firstBreak;
        private readonly TimeSpan _maxBreak;
        private int _samples;
        private int _next;
        private int _downs;
        private TimeSpan _pausedUntil;
        private TimeSpan _brokenUntil;
        private bool _broken;
        private bool _probing;

        public DeliveryGate(TimeSpan retryBaseDelay, TimeSpan retryMaxDelay)
        {
            _firstBreak = TimeSpan.FromTicks(Math.Min(retryBaseDelay.Ticks * 2, retryMaxDelay.Ticks));
            _maxBreak = retryMaxDelay;
            Break = _firstBreak;
        }

        /// <summary>Times the breaker opened.</summary>
        public long Breaks { get; private set; }

        /// <summary>The length of the current (or next) break.</summary>
        public TimeSpan Break { get; private set; }

        /// <summary>Attempts in the window that found Ripe down (for the log line of <see cref="GateChange.Broke"/>).</summary>
        public int RecentDowns => _downs;

        /// <summary>Attempts in the window.</summary>
        public int RecentSamples => _samples;

        /// <summary>How long the pause in force lasts from <paramref name="now"/> (for the log line of <see cref="GateChange.Paused"/>).</summary>
        public TimeSpan PauseLeft(TimeSpan now) => _pausedUntil > now ? _pausedUntil - now : TimeSpan.Zero;

        public GateState StateAt(TimeSpan now) =>
            _probing ? GateState.Probing : _broken ? GateState.Broken : _pausedUntil > now ? GateState.Paused : GateState.Open;

        /// <summary>Asked by a worker about to send. A <see cref="GateAction.Probe"/> answer makes that worker the probe.</summary>
        public GateDecision Next(TimeSpan now)
        {
            if (_pausedUntil > now)
            {
                return new GateDecision(GateAction.WaitUntil, _pausedUntil);
            }

            if (!_broken)
            {
                return new GateDecision(GateAction.Send, default);
            }

            if (_brokenUntil > now)
            {
                return new GateDecision(GateAction.WaitUntil, _brokenUntil);
            }

            if (_probing)
            {
                return new GateDecision(GateAction.WaitForProbe, default);
            }

            _probing = true;
            return new GateDecision(GateAction.Probe, default);
        }

        /// <summary>Records an attempt's outcome. <paramref name="probe"/>: this was the breaker's probe.</summary>
        public GateChange Report(SendAttempt attempt, bool probe, TimeSpan now)
        {
            var change = GateChange.None;
            if (attempt.AsksToPause && now + attempt.RetryAfter!.Value > _pausedUntil)
            {
                _pausedUntil = now + attempt.RetryAfter.Value;
                change = GateChange.Paused;
            }

            if (attempt.Kind == AttemptKind.Stopped)
            {
                _probing &= !probe;
                return change;
            }

            bool down = attempt.LooksDown;
            if (probe)
            {
                _probing = false;
                if (down)
                {
                    Break = TimeSpan.FromTicks(Math.Min(Break.Ticks * 2, _maxBreak.Ticks));
                    _brokenUntil = now + Break;
                    return GateChange.StillDown;
                }

                _broken = false;
                Break = _firstBreak;
                Array.Clear(_recent, 0, _recent.Length);
                _samples = _next = _downs = 0;
                return GateChange.Resumed;
            }

            if (_broken)
            {
                return change; // an attempt that left before the break: the probe decides
            }

            _downs += (down ? 1 : 0) - (_samples == Window && _recent[_next] ? 1 : 0);
            _recent[_next] = down;
            _next = (_next + 1) % Window;
            _samples = Math.Min(_samples + 1, Window);
            if (_samples >= MinimumSamples && _downs * 2 > _samples)
            {
                _broken = true;
                Breaks++;
                _brokenUntil = now + Break;
                return GateChange.Broke;
            }

            return change;
        }
    }
}
