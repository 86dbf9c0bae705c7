using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RipeTyped.Delivery.Spool;

namespace RipeTyped.Delivery
{
    /// <summary>The queue's spool side: reading cold segments (spilled while the queue was full) back into memory.</summary>
    internal sealed partial class DeliveryQueue
    {
        private void RequestLoad()
        {
            if (_spool != null && Interlocked.Exchange(ref _loadRequested, 1) == 0)
            {
                _loadSignal.Release();
            }
        }

        /// <summary>Reads cold spool segments back into memory whenever the queue is at most half full.</summary>
        private async Task LoadColdSegmentsAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                try
                {
                    await _loadSignal.WaitAsync(_stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                Volatile.Write(ref _loadRequested, 0);
                while (!_stopping.IsCancellationRequested)
                {
                    SpoolSegment? segment;
                    int reserved = 0;
                    lock (_gate)
                    {
                        // Checked under the lock: a requeue between a check outside it and the reservation could overfill.
                        segment = Volatile.Read(ref _inMemory) <= _options.MaxQueueLength / 2 ? _spool!.TakeOldestCold() : null;
                        _loading = segment != null;
                        if (segment != null)
                        {
                            // Hold the room now, so calls made while the file is read see the queue as it will be.
                            reserved = segment.Outstanding;
                            Interlocked.Add(ref _inMemory, reserved);
                        }
                    }

                    if (segment is null)
                    {
                        break;
                    }

                    LoadSegment(segment, reserved);
                }

                lock (_gate)
                {
                    _loading = false;
                    CompleteChannelIfNothingLeft();
                    if (_completing && _channel.Reader.Completion.IsCompleted)
                    {
                        return;
                    }
                }
            }
        }

        private void LoadSegment(SpoolSegment segment, int reserved)
        {
            List<OutgoingMessage> messages;
            List<FlushEpoch> unreadable;
            try
            {
                messages = _spool!.ReadBack(segment, out unreadable);
            }
            catch (IOException ex)
            {
                // Left on disk for the next start; this process stops waiting for it.
                _logger?.LogError(ex, "Could not read spool segment {Path} back; it stays on disk for the next start.", segment.DataPath);
                lock (_gate)
                {
                    Interlocked.Add(ref _inMemory, -reserved);
                    foreach (var run in segment.EpochRuns)
                    {
                        _generations.Finished(run.Epoch, run.Count);
                    }
                }

                return;
            }

            lock (_gate)
            {
                foreach (var epoch in unreadable)
                {
                    _generations.Finished(epoch);
                }
                Interlocked.Add(ref _inMemory, messages.Count - reserved);
                foreach (var message in messages)
                {
                    _channel.Writer.TryWrite(message);
                }
            }
        }
    }
}
