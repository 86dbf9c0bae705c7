using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// The single background loop that delivers queued messages in order. Calls never wait on it; flushes
    /// and disposal do.
    /// </summary>
    internal sealed class DeliveryWorker
    {
        private readonly Channel<OutgoingMessage> _queue = Channel.CreateUnbounded<OutgoingMessage>(
            new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

        private readonly RipeHttpSender _sender;
        private readonly RipeClientOptions _options;
        private readonly RipeClientStatistics _statistics;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly Task _loop;

        public DeliveryWorker(RipeHttpSender sender, RipeClientOptions options, RipeClientStatistics statistics)
        {
            _sender = sender;
            _options = options;
            _statistics = statistics;
            _loop = Task.Run(RunAsync);
        }

        /// <summary>Queues a message; false when the worker has been completed (client disposed).</summary>
        public bool TryEnqueue(OutgoingMessage message) => _queue.Writer.TryWrite(message);

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            var marker = OutgoingMessage.FlushMarker();
            if (!_queue.Writer.TryWrite(marker))
            {
                // Completed: everything queued is already being drained by CompleteAsync.
                await _loop.ConfigureAwait(false);
                return;
            }

            using (cancellationToken.Register(() => marker.Flushed!.TrySetCanceled(cancellationToken)))
            {
                await marker.Flushed!.Task.ConfigureAwait(false);
            }
        }

        /// <summary>Stops accepting messages and waits until every queued one has been delivered or given up on.</summary>
        public Task CompleteAsync()
        {
            _queue.Writer.TryComplete();
            return _loop;
        }

        /// <summary>Stops retrying: the message in flight and all still queued are reported as failed at once.</summary>
        public void Abort() => _stopping.Cancel();

        private async Task RunAsync()
        {
            var reader = _queue.Reader;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    if (item.Flushed != null)
                    {
                        item.Flushed.TrySetResult(true);
                        continue;
                    }

                    await DeliverAsync(item).ConfigureAwait(false);
                }
            }
        }

        private async Task DeliverAsync(OutgoingMessage message)
        {
            RipeDeliveryReport report;
            try
            {
                report = await _sender.SendAsync(message, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                var stopped = new OperationCanceledException("Not delivered: the client was disposed while Ripe kept failing, and RipeClientOptions.ShutdownTimeout ran out.");
                report = new RipeDeliveryReport(message.Call, message.MessageId, false, null, null, 1, stopped);
            }
            catch (Exception ex)
            {
                // Anything unexpected is reported as a failure of this message; the loop must survive.
                report = new RipeDeliveryReport(message.Call, message.MessageId, false, null, null, 1, ex);
            }

            if (report.Succeeded)
            {
                _statistics.OnDelivered();
                Notify(_options.OnMessageDelivered, report);
            }
            else
            {
                _statistics.OnFailed();
                Notify(_options.OnMessageFailed, report);
            }
        }

        private static void Notify(Action<RipeDeliveryReport>? callback, RipeDeliveryReport report)
        {
            try
            {
                callback?.Invoke(report);
            }
            catch
            {
                // A throwing user callback must not stop delivery of the messages behind this one.
            }
        }
    }
}
