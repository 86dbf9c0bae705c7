using System;
using Microsoft.Extensions.Logging;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// The user's logger as delivery's background loops call it: a logger that throws (a failing provider surfaces
    /// through a LoggerFactory logger as an AggregateException) loses the line, never the worker or the loader half-way
    /// through a message, which would leave it unfinished and FlushAsync and DisposeAsync waiting for it for ever.
    /// </summary>
    internal sealed class GuardedLogger : ILogger
    {
        private readonly ILogger _inner;

        private GuardedLogger(ILogger inner) => _inner = inner;

        public static ILogger? Wrap(ILogger? logger) => logger is null || logger is GuardedLogger ? logger : new GuardedLogger(logger);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            try
            {
                return _inner.BeginScope(state);
            }
            catch
            {
                return null;
            }
        }

        public bool IsEnabled(LogLevel logLevel)
        {
            try
            {
                return _inner.IsEnabled(logLevel);
            }
            catch
            {
                return false;
            }
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                _inner.Log(logLevel, eventId, state, exception, formatter);
            }
            catch
            {
                // Analytics logging must not stop delivery.
            }
        }
    }
}
