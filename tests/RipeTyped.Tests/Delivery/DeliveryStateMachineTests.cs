using System;
using System.Linq;
using RipeTyped.Delivery;
using RipeTyped.Delivery.Policy;
using RipeTyped.Delivery.Spool;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// The sender's decisions without HTTP, threads or a clock: outcomes and times go in, "send, wait until, retry after"
/// comes out. Jitter is fixed at its midpoint (×1.0), so every delay is exact.
/// </summary>
public class DeliveryStateMachineTests
{
    private static readonly TimeSpan T0 = TimeSpan.FromSeconds(100);

    private static DeliveryStateMachine Machine(Action<RipeClientOptions>? configure = null)
    {
        var options = new RipeClientOptions { ApiKey = "k", RetryBaseDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromSeconds(2), MaxRetries = 5 };
        configure?.Invoke(options);
        return new DeliveryStateMachine(options, () => 0.5);
    }

    private static OutgoingMessage Message(string id = "m1") => new OutgoingMessage(RipeCall.Track, id, new byte[] { 1 });

    private static SendAttempt Down => SendAttempt.Transient(500, null, null, null);

    private static SendAttempt Ok => SendAttempt.Delivered(200, null);

    private static GateDecision Ask(DeliveryStateMachine machine, TimeSpan now) => machine.BeforeAttempt(now, out _);

    [Fact]
    public void Backoff_doubles_from_the_base_delay_up_to_the_maximum_then_gives_up()
    {
        var machine = Machine();
        var message = Message();
        var delays = Enumerable.Range(0, 5).Select(_ => machine.AfterAttempt(message, Down, probe: false, stopping: false, T0)).ToList();

        Assert.All(delays, v => Assert.True(v.Retry));
        Assert.Equal(new[] { 100.0, 200, 400, 800, 1600 }, delays.Select(v => v.Delay.TotalMilliseconds));

        var sixth = machine.AfterAttempt(message, Down, probe: false, stopping: false, T0);
        Assert.False(sixth.Retry);
        Assert.Equal(RipeDeliveryOutcome.RetriesExhausted, sixth.Outcome);
        Assert.Equal(6, message.Attempts);
    }

    [Fact]
    public void Backoff_is_capped_at_RetryMaxDelay_and_jitter_stays_within_20_percent()
    {
        var low = new DeliveryStateMachine(new RipeClientOptions { ApiKey = "k", RetryBaseDelay = TimeSpan.FromSeconds(1), RetryMaxDelay = TimeSpan.FromSeconds(3), MaxRetries = 10 }, () => 0.0);
        var message = Message();
        var delays = Enumerable.Range(0, 4).Select(_ => low.AfterAttempt(message, Down, false, false, T0).Delay.TotalMilliseconds).ToList();

        Assert.Equal(new[] { 800.0, 1600, 3000, 3000 }, delays); // ×0.8 at the low end of the jitter, then the cap
    }

    [Fact]
    public void A_spooled_message_out_of_retries_starts_over_after_the_longest_wait_instead_of_being_given_up()
    {
        var machine = Machine(o => o.MaxRetries = 1);
        var message = Message();
        message.Segment = new SpoolSegment(1, System.IO.Path.GetTempPath());
        machine.AfterAttempt(message, Down, false, false, T0);

        var verdict = machine.AfterAttempt(message, Down, false, false, T0);

        Assert.True(verdict.Retry);
        Assert.Equal(TimeSpan.FromSeconds(2), verdict.Delay);
        Assert.Equal(0, message.Attempts);
    }

    [Fact]
    public void A_retry_is_due_at_its_time_and_not_before_and_the_earliest_wakes_the_scheduler()
    {
        var machine = Machine();
        var first = Message("a");
        var second = Message("b");
        var later = machine.AfterAttempt(first, Down, false, false, T0);                                // due T0 + 100 ms
        var sooner = machine.AfterAttempt(second, Down, false, false, T0 - TimeSpan.FromMilliseconds(50)); // due T0 + 50 ms
        var third = machine.AfterAttempt(Message("c"), Down, false, false, T0 + TimeSpan.FromMilliseconds(10)); // due T0 + 110 ms

        Assert.True(later.IsEarliest);
        Assert.True(sooner.IsEarliest);
        Assert.False(third.IsEarliest);
        Assert.Equal(T0 + TimeSpan.FromMilliseconds(50), machine.NextDue);
        Assert.Empty(machine.TakeDue(T0 + TimeSpan.FromMilliseconds(49), all: false));
        Assert.Equal(new[] { "b" }, machine.TakeDue(T0 + TimeSpan.FromMilliseconds(50), all: false).Select(m => m.MessageId));
        Assert.Equal(new[] { "a" }, machine.TakeDue(T0 + TimeSpan.FromMilliseconds(100), all: false).Select(m => m.MessageId));
        Assert.Equal(new[] { "c" }, machine.TakeDue(T0 + TimeSpan.FromMilliseconds(110), all: false).Select(m => m.MessageId));
        Assert.Null(machine.NextDue);
    }

    [Fact]
    public void Shutdown_hands_every_scheduled_retry_over_at_once_and_stops_retrying()
    {
        var machine = Machine(o => o.RetryBaseDelay = TimeSpan.FromSeconds(20));
        var inMemory = Message("memory");
        var spooled = Message("disk");
        spooled.Segment = new SpoolSegment(1, System.IO.Path.GetTempPath());
        machine.AfterAttempt(inMemory, Down, false, false, T0);
        machine.AfterAttempt(spooled, Down, false, false, T0);

        var due = machine.TakeDue(T0, all: true);
        Assert.Equal(2, due.Count);
        Assert.Equal(0, machine.Scheduled);

        Assert.Equal(RipeDeliveryOutcome.ShutdownTimedOut, machine.AfterAttempt(inMemory, SendAttempt.Stopped, false, true, T0).Outcome);
        Assert.Equal(RipeDeliveryOutcome.KeptInSpool, machine.AfterAttempt(spooled, Down, false, true, T0).Outcome);
        Assert.Equal(1, inMemory.Attempts); // a stopped attempt is not an attempt
    }

    [Fact]
    public void A_Retry_After_pauses_every_sender_for_exactly_the_time_asked()
    {
        var machine = Machine(o => o.RetryMaxDelay = TimeSpan.FromSeconds(30));
        var limited = SendAttempt.Transient(429, null, null, TimeSpan.FromSeconds(3));

        var verdict = machine.AfterAttempt(Message(), limited, false, false, T0);

        Assert.Equal(GateChange.Paused, verdict.Change);
        Assert.Equal(TimeSpan.FromSeconds(3), verdict.Delay); // the message itself waits as asked, not by backoff
        Assert.Equal(RipeDeliveryState.Paused, (RipeDeliveryState)(int)machine.StateAt(T0));
        var during = Ask(machine, T0 + TimeSpan.FromMilliseconds(2999));
        Assert.Equal(GateAction.WaitUntil, during.Action);
        Assert.Equal(T0 + TimeSpan.FromSeconds(3), during.Until);
        Assert.Equal(GateAction.Send, Ask(machine, T0 + TimeSpan.FromSeconds(3)).Action);
        Assert.Equal(0, machine.Breaks); // Ripe asking for less is not Ripe being down
    }

    [Fact]
    public void A_shorter_Retry_After_does_not_cut_a_longer_pause_short()
    {
        var machine = Machine(o => o.RetryMaxDelay = TimeSpan.FromSeconds(30));
        machine.AfterAttempt(Message("a"), SendAttempt.Transient(503, null, null, TimeSpan.FromSeconds(5)), false, false, T0);

        var shorter = machine.AfterAttempt(Message("b"), SendAttempt.Transient(429, null, null, TimeSpan.FromSeconds(1)), false, false, T0);

        Assert.Equal(GateChange.None, shorter.Change);
        Assert.Equal(T0 + TimeSpan.FromSeconds(5), Ask(machine, T0 + TimeSpan.FromSeconds(2)).Until);
    }

    [Fact]
    public void An_outage_opens_the_breaker_one_probe_goes_after_the_break_and_its_answer_decides()
    {
        var machine = Machine(); // first break: 2 × 100 ms; maximum 2 s
        var now = T0;
        GateChange change = GateChange.None;
        for (int i = 0; i < DeliveryGate.MinimumSamples && change != GateChange.Broke; i++)
        {
            change = machine.AfterAttempt(Message("m" + i), Down, false, false, now).Change;
        }

        Assert.Equal(GateChange.Broke, change);
        Assert.Equal(1, machine.Breaks);
        Assert.Equal(new GateDecision(GateAction.WaitUntil, now + TimeSpan.FromMilliseconds(200)).ToString(), Ask(machine, now).ToString());

        // After the break: the first asker is the probe; the others wait for its answer, not on a timer.
        now += TimeSpan.FromMilliseconds(200);
        Assert.Equal(GateAction.Probe, Ask(machine, now).Action);
        Assert.Equal(GateAction.WaitForProbe, machine.BeforeAttempt(now, out var answered).Action);
        Assert.False(answered!.IsCompleted);
        Assert.Equal(RipeDeliveryState.Probing, (RipeDeliveryState)(int)machine.StateAt(now));

        // The probe fails: the others are woken, and a break twice as long starts.
        Assert.Equal(GateChange.StillDown, machine.AfterAttempt(Message("probe"), Down, probe: true, false, now).Change);
        Assert.True(answered.IsCompleted);
        Assert.Equal(now + TimeSpan.FromMilliseconds(400), Ask(machine, now).Until);

        // The next probe succeeds: everyone sends again, and the next outage starts from the first break.
        now += TimeSpan.FromMilliseconds(400);
        Assert.Equal(GateAction.Probe, Ask(machine, now).Action);
        Assert.Equal(GateChange.Resumed, machine.AfterAttempt(Message("probe2"), Ok, probe: true, false, now).Change);
        Assert.Equal(GateAction.Send, Ask(machine, now).Action);
        Assert.Equal(RipeDeliveryState.Open, (RipeDeliveryState)(int)machine.StateAt(now));
        Assert.Equal(TimeSpan.FromMilliseconds(200), machine.BreakerFigures.Break);
    }

    [Fact]
    public void The_break_grows_to_RetryMaxDelay_and_no_further()
    {
        var machine = Machine();
        var now = T0;
        for (int i = 0; i < DeliveryGate.MinimumSamples; i++)
        {
            machine.AfterAttempt(Message(), Down, false, false, now);
        }

        var breaks = new System.Collections.Generic.List<double>();
        for (int probe = 0; probe < 6; probe++)
        {
            now = Ask(machine, now).Until;
            Assert.Equal(GateAction.Probe, Ask(machine, now).Action);
            machine.AfterAttempt(Message(), Down, probe: true, false, now);
            breaks.Add(machine.BreakerFigures.Break.TotalMilliseconds);
        }

        Assert.Equal(new[] { 400.0, 800, 1600, 2000, 2000, 2000 }, breaks);
    }

    [Fact]
    public void Random_faults_under_half_the_traffic_never_open_the_breaker()
    {
        var machine = Machine(o => o.MaxRetries = 1000);
        for (int i = 0; i < 10_000; i++)
        {
            // 49 of every 100 attempts fail, spread out: no window holds a majority of failures.
            machine.AfterAttempt(Message(), i % 2 == 0 && i % 100 != 0 ? Down : Ok, false, false, T0);
        }

        Assert.Equal(0, machine.Breaks);
        Assert.Equal(GateAction.Send, Ask(machine, T0).Action);
    }

    [Fact]
    public void Half_the_window_failing_is_not_an_outage_more_than_half_is()
    {
        var machine = Machine();
        for (int i = 0; i < DeliveryGate.Window; i++)
        {
            machine.AfterAttempt(Message(), i % 2 == 1 ? Down : Ok, false, false, T0); // 50 of the last 100
        }

        Assert.Equal(0, machine.Breaks);

        var change = machine.AfterAttempt(Message(), Down, false, false, T0); // replaces an ok: 51 of the last 100
        Assert.Equal(GateChange.Broke, change.Change);
    }

    [Fact]
    public void Attempts_that_left_before_the_break_do_not_decide_it_the_probe_does()
    {
        var machine = Machine();
        for (int i = 0; i < DeliveryGate.MinimumSamples; i++)
        {
            machine.AfterAttempt(Message(), Down, false, false, T0);
        }

        machine.AfterAttempt(Message("late success"), Ok, probe: false, false, T0 + TimeSpan.FromMilliseconds(10));

        Assert.Equal(RipeDeliveryState.Broken, (RipeDeliveryState)(int)machine.StateAt(T0 + TimeSpan.FromMilliseconds(10)));
        Assert.Equal(GateAction.WaitUntil, Ask(machine, T0 + TimeSpan.FromMilliseconds(10)).Action);
    }

    [Fact]
    public void A_Retry_After_date_is_read_against_the_clock_given_and_clamped()
    {
        var now = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        var header = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.RetryAfter(header, now, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(5), RetryPolicy.RetryAfter(header, now, TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.RetryAfter(header, now.AddMinutes(1), TimeSpan.FromSeconds(30)));
    }
}
