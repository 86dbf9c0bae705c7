using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace RipeTyped.Delivery.Spool
{
    /// <summary>
    /// The durable spool: an append-only directory of segment files. A message is written before the call returns and
    /// its segment is deleted once every record in it was acknowledged, so what survives a crash is exactly what Ripe
    /// did not confirm. Files are written unbuffered, one write per record: a process kill cannot lose a returned call.
    /// </summary>
    internal sealed class DiskSpool : IDisposable
    {
        public const string DataExtension = ".ripe";
        public const string AckExtension = ".ack";
        private const string LockFileName = "spool.lock";
        private const long MaxSegmentBytes = 4 * 1024 * 1024;

        // _gate guards the segments' bookkeeping (counts, the cold list, acknowledgement files); _appendLock the active
        // segment's file, taken only by the one caller writing a group (and by roll-over when a cold segment is taken).
        // Order: _appendLock, then _gate. _waiting holds the calls waiting for the next group write.
        private readonly object _gate = new object();
        private readonly object _appendLock = new object();
        private readonly List<SpoolAppend> _waiting = new List<SpoolAppend>();
        private bool _leaderActive;
        private volatile int _coldCount;
        private readonly string _directory;
        private readonly int _recordsPerSegment;
        private readonly int _maxPayloadBytes;
        private readonly ILogger? _logger;
        private readonly FileStream _lock;
        private readonly LinkedList<SpoolSegment> _cold = new LinkedList<SpoolSegment>();
        private readonly HashSet<SpoolSegment> _openAckFiles = new HashSet<SpoolSegment>();
        private SpoolSegment _active;
        private FileStream _activeStream;
        private long _outstanding;
        private bool _disposed;

        private DiskSpool(string directory, int recordsPerSegment, int maxMessageBytes, ILogger? logger, FileStream lockFile, long nextSequence)
        {
            _directory = directory;
            _recordsPerSegment = recordsPerSegment;
            _maxPayloadBytes = maxMessageBytes + 2 + 255;
            _logger = logger;
            _lock = lockFile;
            (_active, _activeStream) = CreateSegment(nextSequence);
        }

        /// <summary>Cold segments (recovered or spilled) wait to be read back.</summary>
        public bool HasCold => _coldCount > 0; // read without a lock: callers decide hot or cold with it, and must not wait on a write

        /// <summary>Records on disk not yet acknowledged.</summary>
        public long Outstanding
        {
            get
            {
                lock (_gate)
                {
                    return _outstanding;
                }
            }
        }

        /// <summary>
        /// Opens (creating) the spool directory, takes its lock, and registers the segments an earlier process left as
        /// cold, counted in <paramref name="recoveryEpoch"/>.
        /// </summary>
        /// <exception cref="IOException">The directory cannot be created, or another client holds it.</exception>
        public static DiskSpool Open(string directory, int recordsPerSegment, int maxMessageBytes, ILogger? logger, FlushEpoch recoveryEpoch, out int recovered)
        {
            directory = Path.GetFullPath(directory);
            Directory.CreateDirectory(directory);
            FileStream lockFile;
            try
            {
                lockFile = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex)
            {
                throw new IOException($"RipeClientOptions.SpoolDirectory '{directory}' is in use by another RipeClient (one client per spool directory).", ex);
            }

            var found = Directory.GetFiles(directory, "*" + DataExtension)
                .Select(path => (Path: path, Sequence: long.TryParse(Path.GetFileNameWithoutExtension(path), out long s) ? s : -1))
                .Where(f => f.Sequence >= 0)
                .OrderBy(f => f.Sequence)
                .ToList();

            long next = found.Count == 0 ? 1 : found[found.Count - 1].Sequence + 1;
            var spool = new DiskSpool(directory, recordsPerSegment, maxMessageBytes, logger, lockFile, next);
            recovered = spool.Recover(found.Select(f => f.Sequence), recoveryEpoch);
            return spool;
        }

        /// <summary>
        /// Writes a message before returning; a hot one is also queued in memory by the caller, a cold one waits on disk.
        /// Callers that arrive together share one write (a group commit): the first writes every record waiting, the
        /// others wait for their own record, and the next waiting caller leads the group after. So a call waits for at
        /// most the write under way and the one holding its record, never for a line of other callers' writes, and no
        /// lock shared by callers is held across the write.
        /// </summary>
        /// <exception cref="IOException">The write failed (disk full, permissions).</exception>
        public void Append(OutgoingMessage message, bool hot)
        {
            var own = new SpoolAppend(message, SpoolRecord.Encode(message), hot);
            bool leads;
            lock (_waiting)
            {
                _waiting.Add(own);
                leads = !_leaderActive;
                _leaderActive = true;
            }

            if (!leads && own.WaitWrittenOrLead())
            {
                ThrowIfFailed(own);
                return;
            }

            List<SpoolAppend> group;
            lock (_waiting)
            {
                group = new List<SpoolAppend>(_waiting);
                _waiting.Clear();
            }

            try
            {
                WriteGroup(group);
            }
            catch (Exception ex)
            {
                // Whatever went wrong, every caller of the group is woken and told; the caller keeps the message in memory.
                foreach (var append in group)
                {
                    append.Error ??= ex;
                }
            }

            SpoolAppend? next = null;
            lock (_waiting)
            {
                if (_waiting.Count > 0)
                {
                    next = _waiting[0];
                }
                else
                {
                    _leaderActive = false;
                }
            }

            foreach (var append in group)
            {
                if (!ReferenceEquals(append, own))
                {
                    append.Written();
                }
            }

            next?.Lead();
            ThrowIfFailed(own);
        }

        private static void ThrowIfFailed(SpoolAppend append)
        {
            if (append.Error != null)
            {
                throw new IOException($"The spool write failed: {append.Error.Message}", append.Error);
            }
        }

        // Writes a group in as few writes as the segment rules allow: a run of records for one segment is one write.
        private void WriteGroup(List<SpoolAppend> group)
        {
            lock (_appendLock)
            {
                int start = 0;
                while (start < group.Count)
                {
                    if (_disposed)
                    {
                        for (int i = start; i < group.Count; i++)
                        {
                            group[i].Error = new ObjectDisposedException(nameof(DiskSpool));
                        }

                        return;
                    }

                    // The run that fits the active segment (rolling first if even the first record does not).
                    if (NeedsRoll(group[start], _active.Records, _active.Bytes))
                    {
                        try
                        {
                            lock (_gate)
                            {
                                Roll();
                            }
                        }
                        catch (IOException ex)
                        {
                            for (int i = start; i < group.Count; i++)
                            {
                                group[i].Error = ex;
                            }

                            return;
                        }
                    }

                    int records = _active.Records;
                    long bytes = _active.Bytes;
                    int end = start;
                    while (end < group.Count && (end == start || !NeedsRoll(group[end], records, bytes)))
                    {
                        records++;
                        bytes += group[end].Record.Length;
                        end++;
                    }

                    WriteRun(group, start, end, bytes - _active.Bytes);
                    start = end;
                }
            }
        }

        private bool NeedsRoll(SpoolAppend append, int records, long bytes) =>
            records >= _recordsPerSegment || bytes + append.Record.Length > MaxSegmentBytes || (records > 0 && _active.IsCold == append.Hot);

        private void WriteRun(List<SpoolAppend> group, int start, int end, long length)
        {
            byte[] data;
            if (end - start == 1)
            {
                data = group[start].Record;
            }
            else
            {
                data = new byte[length];
                int at = 0;
                for (int i = start; i < end; i++)
                {
                    Buffer.BlockCopy(group[i].Record, 0, data, at, group[i].Record.Length);
                    at += group[i].Record.Length;
                }
            }

            try
            {
                _activeStream.Write(data, 0, data.Length);
            }
            catch (IOException ex)
            {
                for (int i = start; i < end; i++)
                {
                    group[i].Error = ex;
                }

                // A failed write may have left part of the run in the file: continue in a fresh segment so that recorded
                // offsets stay exact (the torn tail is skipped by the reader).
                try
                {
                    lock (_gate)
                    {
                        Roll();
                    }
                }
                catch (IOException)
                {
                }

                return;
            }

            lock (_gate)
            {
                for (int i = start; i < end; i++)
                {
                    var append = group[i];
                    var message = append.Message;
                    message.Segment = _active;
                    message.SegmentOffset = _active.Bytes;
                    _active.Bytes += append.Record.Length;
                    _active.Records++;
                    _active.Outstanding++;
                    _outstanding++;
                    if (!append.Hot)
                    {
                        if (!_active.IsCold)
                        {
                            _active.IsCold = true;
                            _cold.AddLast(_active);
                            _coldCount = _cold.Count;
                        }

                        _active.AddToEpochRun(message.Epoch!);
                    }
                }
            }
        }

        /// <summary>Takes the oldest cold segment to read back; if it is still being written, a new one takes over.</summary>
        public SpoolSegment? TakeOldestCold()
        {
            lock (_appendLock)
            lock (_gate)
            {
                if (_disposed || _cold.Count == 0)
                {
                    return null;
                }

                var segment = _cold.First!.Value;
                _cold.RemoveFirst();
                _coldCount = _cold.Count;
                if (segment.IsActive)
                {
                    Roll();
                }

                segment.IsCold = false;
                return segment;
            }
        }

        /// <summary>
        /// Reads a taken cold segment back: its unacknowledged records, each tagged with its flush generation.
        /// Generations of records that could not be read back are returned in <paramref name="unreadable"/>.
        /// </summary>
        public List<OutgoingMessage> ReadBack(SpoolSegment segment, out List<FlushEpoch> unreadable)
        {
            var records = SpoolRecord.ReadAll(File.ReadAllBytes(segment.DataPath), _maxPayloadBytes, out _);
            var messages = new List<OutgoingMessage>(records.Count);
            unreadable = new List<FlushEpoch>();
            List<(FlushEpoch Epoch, int Count)> runs;
            lock (_gate)
            {
                runs = segment.EpochRuns.ToList();
                segment.EpochRuns.Clear();
            }

            int run = 0;
            int usedInRun = 0;
            foreach (var record in records)
            {
                if (segment.AcknowledgedBefore != null && segment.AcknowledgedBefore.Contains(record.Offset))
                {
                    continue;
                }

                while (run < runs.Count && usedInRun == runs[run].Count)
                {
                    run++;
                    usedInRun = 0;
                }

                if (run == runs.Count)
                {
                    break;
                }

                usedInRun++;
                messages.Add(new OutgoingMessage(record.Call, record.MessageId, record.Body)
                {
                    Epoch = runs[run].Epoch,
                    Segment = segment,
                    SegmentOffset = record.Offset,
                });
            }

            for (; run < runs.Count; run++, usedInRun = 0)
            {
                for (int i = usedInRun; i < runs[run].Count; i++)
                {
                    unreadable.Add(runs[run].Epoch);
                }
            }

            if (unreadable.Count > 0)
            {
                lock (_gate)
                {
                    segment.Outstanding -= unreadable.Count;
                    _outstanding -= unreadable.Count;
                }

                _logger?.LogError("Spool segment {Path} held {Count} records that could not be read back; they are lost.", segment.DataPath, unreadable.Count);
            }

            return messages;
        }

        /// <summary>Records that Ripe accepted (or rejected for good) a message; deletes its segment once all are done.</summary>
        public void Acknowledge(OutgoingMessage message)
        {
            var segment = message.Segment;
            if (segment is null)
            {
                return;
            }

            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                if (segment.AckStream is null)
                {
                    segment.AckStream = new FileStream(segment.AckPath, FileMode.Append, FileAccess.Write, FileShare.Read, 1);
                    _openAckFiles.Add(segment);
                }

                segment.AckStream.Write(BitConverter.GetBytes(message.SegmentOffset), 0, 8);
                segment.Outstanding--;
                _outstanding--;
                DeleteIfDone(segment);
            }
        }

        public void Dispose()
        {
            lock (_appendLock)
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _activeStream.Dispose();
                foreach (var segment in _openAckFiles)
                {
                    segment.AckStream!.Dispose();
                    segment.AckStream = null;
                }

                if (_active.Records == 0)
                {
                    TryDelete(_active);
                }

                _lock.Dispose();
            }
        }

        private int Recover(IEnumerable<long> sequences, FlushEpoch recoveryEpoch)
        {
            int recovered = 0;
            foreach (long sequence in sequences)
            {
                var segment = new SpoolSegment(sequence, _directory);
                byte[] data;
                try
                {
                    data = File.ReadAllBytes(segment.DataPath);
                }
                catch (IOException ex)
                {
                    _logger?.LogError(ex, "Spool segment {Path} could not be read; it is left in place.", segment.DataPath);
                    continue;
                }

                var records = SpoolRecord.ReadAll(data, _maxPayloadBytes, out int damaged);
                var acknowledged = ReadAcknowledged(segment.AckPath);
                int pending = records.Count(r => !acknowledged.Contains(r.Offset));
                if (damaged > 0)
                {
                    _logger?.LogWarning("Spool segment {Path}: {Damaged} torn or damaged region(s) skipped, {Pending} message(s) recovered.", segment.DataPath, damaged, pending);
                }

                if (pending == 0)
                {
                    TryDelete(segment);
                    continue;
                }

                segment.Records = records.Count;
                segment.Bytes = data.Length;
                segment.Outstanding = pending;
                segment.AcknowledgedBefore = acknowledged;
                segment.IsCold = true;
                segment.EpochRuns.Add((recoveryEpoch, pending));
                _cold.AddLast(segment);
                _coldCount = _cold.Count;
                _outstanding += pending;
                recovered += pending;
            }

            if (recovered > 0)
            {
                _logger?.LogInformation("Recovered {Count} undelivered message(s) from the spool at {Directory}.", recovered, _directory);
            }

            return recovered;
        }

        private static HashSet<long> ReadAcknowledged(string path)
        {
            var offsets = new HashSet<long>();
            if (!File.Exists(path))
            {
                return offsets;
            }

            byte[] data = File.ReadAllBytes(path);
            for (int i = 0; i + 8 <= data.Length; i += 8)
            {
                offsets.Add(BitConverter.ToInt64(data, i)); // a torn last entry (under 8 bytes) is ignored: that message is re-sent
            }

            return offsets;
        }

        private (SpoolSegment, FileStream) CreateSegment(long sequence)
        {
            var segment = new SpoolSegment(sequence, _directory) { IsActive = true };

            // bufferSize 1: every Write goes straight to the OS, so a returned call survives a process kill.
            var stream = new FileStream(segment.DataPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1);
            return (segment, stream);
        }

        private void Roll()
        {
            // The next file is created first: when that fails, the active segment stays as it was, still usable.
            var previous = _active;
            var next = CreateSegment(previous.Sequence + 1);
            _activeStream.Dispose();
            previous.IsActive = false;
            (_active, _activeStream) = next;
            DeleteIfDone(previous);
        }

        private void DeleteIfDone(SpoolSegment segment)
        {
            if (segment.Outstanding == 0 && !segment.IsActive && !segment.IsCold)
            {
                segment.AckStream?.Dispose();
                segment.AckStream = null;
                _openAckFiles.Remove(segment);
                TryDelete(segment);
            }
        }

        private void TryDelete(SpoolSegment segment)
        {
            try
            {
                File.Delete(segment.DataPath);
                File.Delete(segment.AckPath);
            }
            catch (IOException ex)
            {
                // Harmless: a later start finds every record acknowledged and deletes the files then.
                _logger?.LogWarning(ex, "Could not delete the finished spool segment {Path}.", segment.DataPath);
            }
        }
    }
}
