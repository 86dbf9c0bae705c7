using System;
using System.Threading;
using System.Threading.Tasks;
using RipeTyped.Delivery.Policy;

namespace RipeTyped.Delivery.Queue
{
    /// <summary>
    /// Hands scheduled retries to the workers when they are due (all of them at once when stopping). It sleeps on one
    /// timer of the client's clock, set to the earliest due time, and is woken early by a new earliest retry, by
    /// shutdown, or by the backlog ending.
    /// </summary>
    internal sealed class RetryScheduler : IDisposable
    {
        private readonly DeliveryBacklog _backlog;
        private readonly DeliveryStateMachine _machine;
        private readonly DeliveryClock _clock;
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0);
        private readonly ITimer _timer;

        public RetryScheduler(DeliveryBacklog backlog, DeliveryStateMachine machine, DeliveryClock clock)
        {
            _backlog = backlog;
            _machine = machine;
            _clock = clock;
            _timer = clock.CreateStoppedTimer(static state => ((RetryScheduler)state!).Wake(), this);
            Completion = Task.Run(RunAsync);
        }

        public Task Completion { get; }

        /// <summary>Look at the schedule now (a new earliest retry, shutdown, or the end).</summary>
        public void Wake() => _wake.Release();

        public void Dispose() => _timer.Dispose();

        private async Task RunAsync()
        {
            while (true)
            {
                bool stopping = _backlog.IsStopping;
                foreach (var message in _machine.TakeDue(_clock.Now, all: stopping))
                {
                    _backlog.Queue(message);
                }

                if (_backlog.Reader.Completion.IsCompleted)
                {
                    return;
                }

                _backlog.CheckEnd();
                var next = _machine.NextDue;
                _timer.Change(next is { } due ? RetrySchedule.WaitFor(due - _clock.Now) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

                // Checked again once armed: a clock that moved on between reading it and arming the timer (a test's
                // FakeTimeProvider.Advance) armed it relative to the later time, and it would not fire for this retry.
                if (next is { } armed && armed <= _clock.Now)
                {
                    continue;
                }

                await _wake.WaitAsync().ConfigureAwait(false);
            }
        }
    }
}
