using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// A logger that throws (a provider failing inside a LoggerFactory logger surfaces as an AggregateException) must not
/// kill a delivery worker half-way through a message: the message would never finish, and FlushAsync() and
/// DisposeAsync() would wait for it for ever.
/// </summary>
public sealed class ThrowingLoggerTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // a failure guard only

    [Fact]
    public async Task A_throwing_logger_does_not_strand_a_message_given_up_on()
    {
        await using var server = RipeTestServer.Start("k");
        server.Faults = _ => RipeTestReply.WithStatus(503);
        var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "k", Endpoint = server.Endpoint, AnonymousId = "a", MaxRetries = 0, Logger = new ThrowingLogger(),
        });
        client.Track("Given Up");

        await client.FlushAsync().WaitAsync(Guard); // without the fix: the worker died logging "Giving up", the flush never ends
        Assert.Equal(1, client.Statistics.Failed);
        await client.DisposeAsync().AsTask().WaitAsync(Guard);
    }

    [Fact]
    public async Task A_throwing_logger_does_not_strand_a_scheduled_retry()
    {
        await using var server = RipeTestServer.Start("k");
        int requests = 0;
        server.Faults = _ => System.Threading.Interlocked.Increment(ref requests) == 1 ? RipeTestReply.WithStatus(503) : RipeTestReply.Ok;
        var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "k", Endpoint = server.Endpoint, AnonymousId = "a", RetryBaseDelay = TimeSpan.FromMilliseconds(1), Logger = new ThrowingLogger(),
        });
        client.Track("Retried");

        await client.FlushAsync().WaitAsync(Guard); // without the fix: "Retrying" threw before the scheduler was woken
        Assert.Equal(1, client.Statistics.Delivered);
        await client.DisposeAsync().AsTask().WaitAsync(Guard);
    }

    private sealed class ThrowingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            throw new InvalidOperationException("the log sink is gone");
    }
}
