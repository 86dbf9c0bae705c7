using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// A logger a test awaits: <see cref="WhenLogged"/> completes when the client has written a number of lines containing
/// a text (a retry scheduled, the breaker opening, a pause). The client's log lines are its state changes, so a test
/// waits on them as signals instead of polling the statistics against a wall-clock deadline.
/// </summary>
internal sealed class LogSignals : ILogger
{
    private readonly object _lock = new();
    private readonly List<string> _lines = new();
    private readonly List<(string Text, int Count, TaskCompletionSource Done)> _waiters = new();

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return _lines.ToArray();
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> lines containing <paramref name="text"/> were logged (counting earlier ones).</summary>
    public Task WhenLogged(string text, int count = 1)
    {
        lock (_lock)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, count, done));
            Check();
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a failure guard only: a missing line fails the test, it never waits for an outcome
        }
    }

    public int Count(string text)
    {
        lock (_lock)
        {
            return _lines.FindAll(l => l.Contains(text, StringComparison.Ordinal)).Count;
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lock)
        {
            _lines.Add(formatter(state, exception));
            Check();
        }
    }

    private void Check()
    {
        _waiters.RemoveAll(w =>
        {
            if (_lines.FindAll(l => l.Contains(w.Text, StringComparison.Ordinal)).Count < w.Count)
            {
                return false;
            }

            w.Done.TrySetResult();
            return true;
        });
    }
}
