using System;
using System.Threading;
using System.Threading.Tasks;
using RipeTyped.Delivery.Queue;
using RipeTyped.Serialization;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// Where a <see cref="RipeClient"/> puts a validated, serialized call: the delivery pipeline (HTTP to Ripe), a
    /// test recorder, or the dry-run log. The client's own work — identity, validation, serialization, statistics of
    /// acceptance — is the same for all of them.
    /// </summary>
    internal interface IMessageSink : IDisposable
    {
        /// <summary>Takes one message on the caller's thread; never waits for delivery.</summary>
        EnqueueResult Accept(in CallContent content, string messageId, byte[] body);

        /// <summary>False when <paramref name="timeout"/> ran out before everything accepted so far finished.</summary>
        Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken);

        /// <summary>Stops accepting; completes when everything accepted finished.</summary>
        Task CompleteAsync();

        /// <summary>Stops retrying; what is left is reported or kept in the spool at once.</summary>
        void Abort();

        Task<bool> CheckApiKeyAsync(CancellationToken cancellationToken);
    }

    /// <summary>
    /// A sink that hands each message to a callback at once and sends nothing: <c>RipeTyped.Testing</c>'s recorder, and
    /// <see cref="RipeClientOptions.DryRun"/> (which logs it).
    /// </summary>
    internal sealed class HandOverSink : IMessageSink
    {
        private readonly Action<RecordedMessage> _handOver;
        private readonly RipeClientStatistics _statistics;
        private readonly bool _dryRun;

        public HandOverSink(Action<RecordedMessage> handOver, RipeClientStatistics statistics, bool dryRun)
        {
            _handOver = handOver;
            _statistics = statistics;
            _dryRun = dryRun;
        }

        public EnqueueResult Accept(in CallContent content, string messageId, byte[] body)
        {
            _statistics.OnEnqueued();
            _handOver(new RecordedMessage(content, body));
            if (_dryRun)
            {
                _statistics.OnDryRun();
            }
            else
            {
                _statistics.OnDelivered();
            }

            // Counted above already: the client counts acceptance only for the delivery pipeline.
            return EnqueueResult.Handed;
        }

        public Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task CompleteAsync() => Task.CompletedTask;

        public void Abort()
        {
        }

        public Task<bool> CheckApiKeyAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public void Dispose()
        {
        }
    }
}
