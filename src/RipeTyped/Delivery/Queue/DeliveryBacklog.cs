using System;
using System.Threading;
using System.Threading.Channels;

namespace RipeTyped.Delivery.Queue
{
    /// <summary>Where <see cref="DeliveryBacklog.Admit"/> put a new message.</summary>
    internal enum Admission
    {
        /// <summary>The client is closing: not accepted.</summary>
        Closed,

        /// <summary>Memory is full and there is no spool: not accepted.</summary>
        Full,

        /// <summary>Memory only (no spool).</summary>
        Memory,

        /// <summary>Spool and memory.</summary>
        Hot,

        /// <summary>Spool only, read back when memory has room.</summary>
        Cold,
    }

    /// <summary>
    /// What every part of delivery shares: the messages held in memory (the channel the workers read, and their count
    /// against <see cref="RipeClientOptions.MaxQueueLength"/>), the flush generations, and whether the client is closing.
    /// The parts — <see cref="MessageIntake"/>, <see cref="DeliveryWorkers"/>, <see cref="RetryScheduler"/> and
    /// <see cref="SpoolLoader"/> — keep their own state and meet only here. Its lock guards the generations and the
    /// decision to end; it is never held across I/O.
    /// </summary>
    internal sealed class DeliveryBacklog
    {
        private readonly object _lock = new object();
        private readonly Channel<OutgoingMessage> _channel = Channel.CreateUnbounded<OutgoingMessage>(
            new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

        private readonly FlushGenerations _generations = new FlushGenerations();
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        // Every message held in memory until it is finished: in the channel, in flight, or waiting in the retry schedule,
        // so a retry keeps its place under MaxQueueLength. Changed with Interlocked only.
        private int _inMemory;

        // Calls whose spool write is under way (their messages are not in the channel or on disk yet).
        private int _appending;
        private volatile bool _completing;
        private Func<bool> _diskHoldsMore = () => false;
        private Action? _ended;

        public ChannelReader<OutgoingMessage> Reader => _channel.Reader;

        public int InMemory => Volatile.Read(ref _inMemory);

        /// <summary>Cancelled when shutdown ran out of time: stop retrying, report or keep in the spool what is left.</summary>
        public CancellationToken Stopping => _stopping.Token;

        public bool IsStopping => _stopping.IsCancellationRequested;

        public bool IsCompleting => _completing;

        /// <summary>The generation new messages join (for the spool's recovered records at start).</summary>
        public FlushEpoch CurrentGeneration
        {
            get
            {
                lock (_lock)
                {
                    return _generations.Current;
                }
            }
        }

        /// <summary>
        /// Wires the spool loader in: <paramref name="diskHoldsMore"/> says whether records still wait on disk (the
        /// workers end only when not), <paramref name="ended"/> wakes the other loops when the channel completes.
        /// </summary>
        public void Attach(Func<bool> diskHoldsMore, Action ended)
        {
            _diskHoldsMore = diskHoldsMore;
            _ended = ended;
        }

        /// <summary>
        /// Takes a new message's place in its flush generation and decides where it goes: memory when there is room,
        /// and with a spool (<paramref name="spooled"/>) also disk — hot (disk and memory) when memory has room and no
        /// older records wait on disk (<paramref name="coldWaiting"/>), else cold (disk only). For a spooled message the
        /// caller writes it next and calls <see cref="AppendEnded"/> after.
        /// </summary>
        public Admission Admit(OutgoingMessage message, int maxQueueLength, bool spooled, bool coldWaiting)
        {
            lock (_lock)
            {
                if (_completing)
                {
                    return Admission.Closed;
                }

                bool room = Volatile.Read(ref _inMemory) < maxQueueLength;
                if (!spooled && !room)
                {
                    return Admission.Full;
                }

                message.Epoch = _generations.Current;
                Interlocked.Increment(ref message.Epoch.Pending);
                bool inMemory = room && !(spooled && coldWaiting);
                if (inMemory)
                {
                    Interlocked.Increment(ref _inMemory);
                }

                if (spooled)
                {
                    _appending++;
                    return inMemory ? Admission.Hot : Admission.Cold;
                }

                return Admission.Memory;
            }
        }

        /// <summary>Takes a slot in memory for an admitted message if there is room (a spill that could not be written).</summary>
        public bool TryTakeRoom(int maxQueueLength)
        {
            lock (_lock)
            {
                if (Volatile.Read(ref _inMemory) >= maxQueueLength)
                {
                    return false;
                }

                Interlocked.Increment(ref _inMemory);
                return true;
            }
        }

        /// <summary>
        /// Takes <paramref name="count"/> slots in memory at once if at most <paramref name="whenAtMost"/> are taken now:
        /// checked and taken under the lock, so that calls admitted meanwhile cannot overfill memory.
        /// </summary>
        public bool TryReserve(int count, int whenAtMost)
        {
            lock (_lock)
            {
                if (Volatile.Read(ref _inMemory) > whenAtMost)
                {
                    return false;
                }

                Interlocked.Add(ref _inMemory, count);
                return true;
            }
        }

        /// <summary>A spool write started by <see cref="Admit"/> ended (written or not).</summary>
        public void AppendEnded()
        {
            lock (_lock)
            {
                _appending--;
                EndIfNothingLeft();
            }
        }

        /// <summary>Hands a message to the workers (a new one, a due retry, or one read back from disk).</summary>
        public void Queue(OutgoingMessage message) => _channel.Writer.TryWrite(message);

        /// <summary>Adds (or removes, negative) slots in memory, e.g. for a spool segment about to be read back.</summary>
        public void AddInMemory(int count) => Interlocked.Add(ref _inMemory, count);

        /// <summary>A message held in memory is finished (delivered, given up on, or left in the spool).</summary>
        public void Finished(OutgoingMessage message)
        {
            // Once per delivered message: the lock is taken only when a flush may be answered or the client is closing.
            Interlocked.Decrement(ref _inMemory);
            if (FlushGenerations.Finished(message.Epoch!) || _completing)
            {
                lock (_lock)
                {
                    _generations.CompleteDrained();
                    EndIfNothingLeft();
                }
            }
        }

        /// <summary><paramref name="count"/> messages of <paramref name="epoch"/> never reached memory (unreadable, or a failed spill).</summary>
        public void Abandoned(FlushEpoch epoch, int count)
        {
            if (FlushGenerations.Finished(epoch, count))
            {
                lock (_lock)
                {
                    _generations.CompleteDrained();
                }
            }
        }

        /// <summary>Seals the current generation for a flush: the task completes when it and every older one are finished.</summary>
        public System.Threading.Tasks.Task<bool> Seal()
        {
            lock (_lock)
            {
                return _generations.Seal().Drained.Task;
            }
        }

        /// <summary>Stops accepting messages; the workers end once nothing is left.</summary>
        public void Complete()
        {
            lock (_lock)
            {
                _completing = true;

                // Pairs with Finished (decrement, then read _completing): without a full fence here this read of the
                // count could see the old value while Finished misses the flag, and no one would end the workers.
                Interlocked.MemoryBarrier();
                EndIfNothingLeft();
            }
        }

        /// <summary>Stops retrying (shutdown ran out of time) as well as accepting.</summary>
        public void Stop()
        {
            _stopping.Cancel();
            Complete();
        }

        /// <summary>After the workers ended: every flush still waiting, or made later, is answered (see FlushGenerations.Close).</summary>
        public void Close()
        {
            lock (_lock)
            {
                _generations.Close();
            }
        }

        /// <summary>Lets the loops re-check whether they may end (after a load from disk finished).</summary>
        public void CheckEnd()
        {
            if (!_completing)
            {
                return;
            }

            lock (_lock)
            {
                EndIfNothingLeft();
            }
        }

        // Once closing: ends the workers when nothing is queued, scheduled, in flight, being written, or left on disk
        // (when stopping, what is on disk stays there for the next start).
        private void EndIfNothingLeft()
        {
            if (_completing && _appending == 0 && Volatile.Read(ref _inMemory) == 0 && (_stopping.IsCancellationRequested || !_diskHoldsMore()) &&
                _channel.Writer.TryComplete())
            {
                _ended?.Invoke();
            }
        }
    }
}
