using System;
using System.Threading;
using RipeTyped.Delivery.Policy;

namespace RipeTyped.Tests.Delivery;

/// <summary>The retry scheduler's sleep: never shorter than a timed wait can express, so it never spins.</summary>
public class RetryScheduleTests
{
    [Fact]
    public void Nothing_scheduled_sleeps_until_woken()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, RetrySchedule.WaitFor(null));
    }

    [Theory]
    [InlineData(0.2, 1)]   // under a millisecond: a timed wait would truncate it to 0 and return at once
    [InlineData(0.999, 1)]
    [InlineData(1.0, 1)]
    [InlineData(2.3, 3)]   // rounded up: a message is never taken before it is due
    [InlineData(250, 250)]
    [InlineData(-5, 1)]    // already due (the scheduler takes due messages before it sleeps)
    public void A_due_time_ahead_is_slept_in_whole_milliseconds_rounded_up(double ahead, int expectedMilliseconds)
    {
        var wait = RetrySchedule.WaitFor(TimeSpan.FromMilliseconds(ahead));

        Assert.Equal(expectedMilliseconds, (int)wait.TotalMilliseconds);
        Assert.Equal(wait.TotalMilliseconds, Math.Floor(wait.TotalMilliseconds)); // what SemaphoreSlim.WaitAsync(TimeSpan) keeps
    }
}
