using System;
using System.IO;
using Microsoft.Extensions.Logging;
using RipeTyped.Delivery.Spool;

namespace RipeTyped.Delivery.Queue
{
    /// <summary>What happened to a message handed to <see cref="MessageIntake.Enqueue"/>.</summary>
    internal enum EnqueueResult
    {
        Queued,
        SpilledToDisk,
        Dropped,
        Closed,

        /// <summary>Handed to a recorder or the dry-run log, and counted there.</summary>
        Handed,
    }

    /// <summary>
    /// Accepts a call's message on the caller's thread: into memory, onto disk (with a spool: written before the call
    /// returns), or not at all when full or closed. The spool write happens outside the backlog's lock, so a call never
    /// waits for other callers' bookkeeping, only (with a spool) for the group write holding its own record.
    /// </summary>
    internal sealed class MessageIntake
    {
        private readonly DeliveryBacklog _backlog;
        private readonly DiskSpool? _spool;
        private readonly int _maxQueueLength;
        private readonly RipeClientStatistics _statistics;
        private readonly ILogger? _logger;
        private readonly Action _spilled;

        // spilled: called after a message was written cold, since the loader may have looked at the disk before it landed.
        public MessageIntake(DeliveryBacklog backlog, DiskSpool? spool, RipeClientOptions options, RipeClientStatistics statistics, Action spilled)
        {
            _spilled = spilled;
            _backlog = backlog;
            _spool = spool;
            _maxQueueLength = options.MaxQueueLength;
            _statistics = statistics;
            _logger = GuardedLogger.Wrap(options.Logger);
        }

        public EnqueueResult Enqueue(OutgoingMessage message)
        {
            var admission = _backlog.Admit(message, _maxQueueLength, _spool != null, _spool?.HasCold == true);
            switch (admission)
            {
                case Admission.Closed:
                    return EnqueueResult.Closed;
                case Admission.Full:
                    return EnqueueResult.Dropped;
                case Admission.Memory:
                    _backlog.Queue(message);
                    return EnqueueResult.Queued;
            }

            bool hot = admission == Admission.Hot;
            try
            {
                _spool!.Append(message, hot);
                _statistics.OnSpooled(spilled: !hot);
                if (hot)
                {
                    _backlog.Queue(message);
                    return EnqueueResult.Queued;
                }

                // Without this wake-up a record spilled just after the loader found nothing cold would wait until some
                // other message finished, and with nothing else in flight that is never: delivery and flushes would stall.
                _spilled();
                return EnqueueResult.SpilledToDisk;
            }
            catch (IOException ex)
            {
                // Disk full or gone: keep the message in memory if there is room rather than lose it.
                _logger?.LogError(ex, "Could not write {Call} {MessageId} to the spool; keeping it in memory only.", message.Call.Path(), message.MessageId);
                message.Segment = null;
                if (hot || _backlog.TryTakeRoom(_maxQueueLength))
                {
                    _backlog.Queue(message);
                    return EnqueueResult.Queued;
                }

                _backlog.Abandoned(message.Epoch!, 1);
                return EnqueueResult.Dropped;
            }
            finally
            {
                _backlog.AppendEnded();
            }
        }
    }
}
