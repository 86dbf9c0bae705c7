using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace RipeTyped.Delivery
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

    /// <summary>
    /// Slows delivery down only when Ripe asks or is down. A <c>Retry-After</c> on 429/503 pauses every worker for the
    /// time asked, and no longer. A breaker watches the last <see cref="Window"/> attempts: when more than half of at
    /// least <see cref="MinimumSamples"/> of them found Ripe down (5xx, network error, timeout), all sending stops for a
    /// break (2 × RetryBaseDelay at first, doubling up to RetryMaxDelay); then one probe goes, and its success resumes
    /// sending while its failure starts a longer break. Random faults under half of the traffic never trip it.
    /// </summary>
    internal sealed class SendGate
    {
        // 100 attempts, at least 50 seen: 30% random faults reach a majority of 50 with probability about 4 in 10,000
        // per look, and of 100 far less, so only a real outage (which fails almost everything) trips it.
        public const int Window = 100;
        public const int MinimumSamples = 50;

        private static readonly double TicksPerMs = Stopwatch.Frequency / 1000.0;

        private readonly object _lock = new object();
        private readonly bool[] _recent = new bool[Window];
        private readonly TimeSpan _firstBreak;
        private readonly TimeSpan _maxBreak;
        private readonly ILogger? _logger;
        private int _samples;
        private int _next;
        private int _downs;
        private long _pausedUntil;
        private long _brokenUntil;
        private TimeSpan _break;
        private bool _broken;
        private bool _probing;

        public SendGate(TimeSpan retryBaseDelay, TimeSpan retryMaxDelay, ILogger? logger)
        {
            _firstBreak = TimeSpan.FromTicks(Math.Min(retryBaseDelay.Ticks * 2, retryMaxDelay.Ticks));
            _maxBreak = retryMaxDelay;
            _break = _firstBreak;
            _logger = logger;
        }

        public GateState State
        {
            get
            {
                lock (_lock)
                {
                    long now = Stopwatch.GetTimestamp();
                    return _probing ? GateState.Probing : _broken ? GateState.Broken : _pausedUntil > now ? GateState.Paused : GateState.Open;
                }
            }
        }

        /// <summary>Times the breaker opened (for metrics and tests).</summary>
        public long Breaks { get; private set; }

        /// <summary>Waits until this worker may send. True when it goes as the breaker's probe.</summary>
        public async Task<bool> WaitAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    long now = Stopwatch.GetTimestamp();
                    if (_pausedUntil > now)
                    {
                        wait = Elapsed(_pausedUntil - now);
                    }
                    else if (!_broken)
                    {
                        return false;
                    }
                    else if (_brokenUntil > now)
                    {
                        wait = Elapsed(_brokenUntil - now);
                    }
                    else if (!_probing)
                    {
                        _probing = true;
                        return true;
                    }
                    else
                    {
                        wait = TimeSpan.FromMilliseconds(20); // the probe's answer decides; look again shortly
                    }
                }

                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Records an attempt's outcome. <paramref name="probe"/>: this was the breaker's probe.</summary>
        public void Report(SendAttempt attempt, bool probe)
        {
            lock (_lock)
            {
                long now = Stopwatch.GetTimestamp();
                if (attempt.AsksToPause)
                {
                    long until = now + (long)(attempt.RetryAfter!.Value.TotalMilliseconds * TicksPerMs);
                    if (until > _pausedUntil)
                    {
                        _pausedUntil = until;
                        _logger?.LogWarning("Ripe answered HTTP {Status} with Retry-After: pausing all delivery for {Delay} ms.", attempt.Status, (long)attempt.RetryAfter.Value.TotalMilliseconds);
                    }
                }

                if (attempt.Kind == AttemptKind.Stopped)
                {
                    _probing &= !probe;
                    return;
                }

                bool down = attempt.LooksDown;
                if (probe)
                {
                    _probing = false;
                    if (down)
                    {
                        _break = TimeSpan.FromTicks(Math.Min(_break.Ticks * 2, _maxBreak.Ticks));
                        _brokenUntil = now + (long)(_break.TotalMilliseconds * TicksPerMs);
                        _logger?.LogWarning("Ripe is still down (probe failed); next probe in {Delay} ms.", (long)_break.TotalMilliseconds);
                    }
                    else
                    {
                        _broken = false;
                        _break = _firstBreak;
                        Array.Clear(_recent, 0, _recent.Length);
                        _samples = _next = _downs = 0;
                        _logger?.LogInformation("Ripe answers again; delivery resumes.");
                    }

                    return;
                }

                if (_broken)
                {
                    return; // an attempt that left before the break: the probe decides
                }

                _downs += (down ? 1 : 0) - (_samples == Window && _recent[_next] ? 1 : 0);
                _recent[_next] = down;
                _next = (_next + 1) % Window;
                _samples = Math.Min(_samples + 1, Window);
                if (_samples >= MinimumSamples && _downs * 2 > _samples)
                {
                    _broken = true;
                    Breaks++;
                    _brokenUntil = now + (long)(_break.TotalMilliseconds * TicksPerMs);
                    _logger?.LogWarning("{Downs} of the last {Samples} attempts failed: Ripe looks down; delivery stops for {Delay} ms, then one probe.", _downs, _samples, (long)_break.TotalMilliseconds);
                }
            }
        }

        private static TimeSpan Elapsed(long ticks) => TimeSpan.FromMilliseconds(ticks / TicksPerMs);
    }
}
