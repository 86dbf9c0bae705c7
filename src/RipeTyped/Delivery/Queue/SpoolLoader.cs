using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RipeTyped.Delivery.Spool;

namespace RipeTyped.Delivery.Queue
{
    /// <summary>Reads cold spool segments (spilled while memory was full, or left by an earlier process) back into memory whenever it is at most half full.</summary>
    internal sealed class SpoolLoader
    {
        private readonly DeliveryBacklog _backlog;
        private readonly DiskSpool _spool;
        private readonly int _maxQueueLength;
        private readonly ILogger? _logger;
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);
        private int _requested;
        private volatile bool _loading;

        public SpoolLoader(DeliveryBacklog backlog, DiskSpool spool, RipeClientOptions options)
        {
            _backlog = backlog;
            _spool = spool;
            _maxQueueLength = options.MaxQueueLength;
            _logger = GuardedLogger.Wrap(options.Logger);
            Completion = Task.Run(RunAsync);
            RequestLoad();
        }

        public Task Completion { get; }

        /// <summary>Records wait on disk: being read back, or in cold segments.</summary>
        public bool DiskHoldsMore => _loading || _spool.HasCold;

        /// <summary>Memory may have room now (a message finished): look at the cold segments.</summary>
        public void RequestLoad()
        {
            if (Interlocked.Exchange(ref _requested, 1) == 0)
            {
                _signal.Release();
            }
        }

        /// <summary>Wakes the loader to finish, or to end.</summary>
        public void Wake() => _signal.Release();

        private async Task RunAsync()
        {
            while (!_backlog.IsStopping)
            {
                try
                {
                    await _signal.WaitAsync(_backlog.Stopping).ConfigureAwait(false);
                }
                catch (System.OperationCanceledException)
                {
                    return;
                }

                // A full fence, not a release store: the loader then reads HasCold, and a caller spilling a record writes
                // the cold count then reads _requested (RequestLoad). With a plain store both could read the old values
                // (store-load reordering): the caller skips the wake-up, the loader sees nothing cold, and sleeps.
                Interlocked.Exchange(ref _requested, 0);
                while (!_backlog.IsStopping)
                {
                    var segment = TakeSegment(out int reserved);
                    if (segment is null)
                    {
                        break;
                    }

                    Load(segment, reserved);
                }

                _loading = false;
                _backlog.CheckEnd();
                if (_backlog.IsCompleting && _backlog.Reader.Completion.IsCompleted)
                {
                    return;
                }
            }
        }

        private SpoolSegment? TakeSegment(out int reserved)
        {
            // Room for a whole segment is held before one is taken (a segment holds at most half the queue), so calls made
            // while the file is read see the queue as it will be; what the segment does not need is given back.
            reserved = 0;
            int room = System.Math.Max(1, _maxQueueLength / 2);
            if (!_spool.HasCold || !_backlog.TryReserve(room, whenAtMost: _maxQueueLength / 2))
            {
                return null;
            }

            // Marked loading before the segment leaves the cold list, so the backlog never sees "nothing on disk" between.
            _loading = true;
            SpoolSegment? segment;
            try
            {
                segment = _spool.TakeOldestCold();
            }
            catch (System.Exception ex) when (ex is IOException || ex is System.UnauthorizedAccessException)
            {
                // The active segment holds cold records and the next file cannot be created (disk full, directory gone):
                // the records stay on disk and cold, tried again at the next wake-up; the loader lives on.
                _logger?.LogError(ex, "Could not start a new spool segment to read records back; they stay on disk.");
                segment = null;
            }

            if (segment is null)
            {
                _loading = false;
                _backlog.AddInMemory(-room);
                return null;
            }

            reserved = segment.Outstanding;
            _backlog.AddInMemory(reserved - room);
            return segment;
        }

        private void Load(SpoolSegment segment, int reserved)
        {
            List<OutgoingMessage> messages;
            List<FlushEpoch> unreadable;
            try
            {
                messages = _spool.ReadBack(segment, out unreadable);
            }
            catch (IOException ex)
            {
                // Left on disk for the next start; this process stops waiting for it.
                _logger?.LogError(ex, "Could not read spool segment {Path} back; it stays on disk for the next start.", segment.DataPath);
                _backlog.AddInMemory(-reserved);
                foreach (var run in segment.EpochRuns)
                {
                    _backlog.Abandoned(run.Epoch, run.Count);
                }

                return;
            }

            foreach (var epoch in unreadable)
            {
                _backlog.Abandoned(epoch, 1);
            }

            _backlog.AddInMemory(messages.Count - reserved);
            foreach (var message in messages)
            {
                _backlog.Queue(message);
            }
        }
    }
}
