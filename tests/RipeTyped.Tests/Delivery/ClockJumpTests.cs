using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// A test's FakeTimeProvider.Advance may land between the moment delivery reads the clock to compute a wait and the
/// moment it arms the timer for it: the timer is then armed relative to the advanced time and never fires unless the
/// test advances again, so a retry or a paused worker waits for ever (and an <c>await using</c> client then waits for
/// its ShutdownTimeout on the fake clock: the test run hangs). <see cref="JumpingClock"/> makes that interleaving
/// happen every time: it advances itself just before the timer it is aimed at is armed.
/// </summary>
public sealed class ClockJumpTests : IAsyncLifetime
{
    private const string ApiKey = "jump-key";

    // A failure guard on real time only: with the fix everything happens at once.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private RipeTestServer _server = null!;

    public Task InitializeAsync()
    {
        _server = RipeTestServer.Start(ApiKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private RipeClientOptions Options(JumpingClock clock, LogSignals log) => new()
    {
        ApiKey = ApiKey, Endpoint = _server.Endpoint, AnonymousId = "anon", TimeProvider = clock, Logger = log,
        MaxConcurrentRequests = 1, RequestTimeout = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromMinutes(2),
        Jitter = () => 0.5, // backoff exactly RetryBaseDelay
    };

    [Fact]
    public async Task A_retry_comes_due_while_the_scheduler_arms_its_timer()
    {
        int requests = 0;
        _server.Faults = _ => Interlocked.Increment(ref requests) == 1 ? RipeTestReply.WithStatus(500) : RipeTestReply.Ok;
        var clock = new JumpingClock();
        var log = new LogSignals();
        var options = Options(clock, log);
        options.RetryBaseDelay = TimeSpan.FromSeconds(2);

        // The scheduler's timer for the 2 s retry: the clock reaches the due time just before it is armed.
        clock.JumpWhenArmed(scheduler: true, due => due == TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        var client = new RipeClient(options);
        client.Track("Retried");

        await FlushOrAbortAsync(client);
        Assert.True(clock.Jumped);
        Assert.Equal(1, client.Statistics.Delivered);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_pause_ends_while_a_worker_arms_its_wait()
    {
        int requests = 0;
        _server.Faults = _ => Interlocked.Increment(ref requests) == 1 ? RipeTestReply.WithStatus(429, TimeSpan.FromSeconds(60)) : RipeTestReply.Ok;
        var clock = new JumpingClock();
        var log = new LogSignals();
        var client = new RipeClient(Options(clock, log));

        client.Track("First");
        await log.WhenLogged("pausing all delivery for 60000 ms");

        // The worker taking the next message waits out the pause: the pause ends just before its wait is armed.
        clock.JumpWhenArmed(scheduler: false, due => due == TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
        client.Track("Behind");

        await FlushOrAbortAsync(client);
        Assert.True(clock.Jumped);
        Assert.Equal(2, client.Statistics.Delivered);
    }

    // On failure the client is stopped at once rather than disposed: disposal would wait its ShutdownTimeout on the fake clock.
    private static async Task FlushOrAbortAsync(RipeClient client)
    {
        try
        {
            await client.FlushAsync().WaitAsync(Guard);
        }
        catch (TimeoutException)
        {
            using var spent = new CancellationTokenSource();
            spent.Cancel();
            await client.ShutdownAsync(spent.Token);
            throw;
        }

        await client.DisposeAsync();
    }

    /// <summary>A fake clock that advances itself once, just before a chosen timer is armed.</summary>
    private sealed class JumpingClock : TimeProvider
    {
        private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        private Func<TimeSpan, bool>? _aim;
        private bool _scheduler;
        private TimeSpan _by;
        private int _jumped;

        public bool Jumped => Volatile.Read(ref _jumped) == 2;

        /// <summary>
        /// Aims the jump: at a timer changed after creation (the retry scheduler's, <paramref name="scheduler"/>) or at a
        /// new timer with its due time (a worker's Task.Delay), whose due time satisfies <paramref name="aim"/>.
        /// </summary>
        public void JumpWhenArmed(bool scheduler, Func<TimeSpan, bool> aim, TimeSpan by)
        {
            _scheduler = scheduler;
            _by = by;
            Volatile.Write(ref _aim, aim);
        }

        public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

        public override long GetTimestamp() => _fake.GetTimestamp();

        public override long TimestampFrequency => _fake.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (!_scheduler)
            {
                MaybeJump(dueTime);
            }

            return new Timer(this, _fake.CreateTimer(callback, state, dueTime, period));
        }

        private void MaybeJump(TimeSpan dueTime)
        {
            var aim = Volatile.Read(ref _aim);
            if (aim != null && dueTime != Timeout.InfiniteTimeSpan && aim(dueTime) && Interlocked.CompareExchange(ref _jumped, 1, 0) == 0)
            {
                _fake.Advance(_by);
                Volatile.Write(ref _jumped, 2);
            }
        }

        private sealed class Timer(JumpingClock clock, ITimer inner) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                if (clock._scheduler)
                {
                    clock.MaybeJump(dueTime);
                }

                return inner.Change(dueTime, period);
            }

            public void Dispose() => inner.Dispose();

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
