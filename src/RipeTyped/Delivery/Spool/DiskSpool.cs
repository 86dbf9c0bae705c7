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
    /// A caller reserves its record's place under a short lock (no I/O) and writes it outside any lock, at that offset,
    /// next to other callers' writes: no call waits for another call's write. A crash between two such writes leaves a
    /// gap the reader skips (records carry a magic and a CRC), and the call whose record it was had not returned.
    /// </summary>
    internal sealed class DiskSpool : IDisposable
    {
        public const string DataExtension = ".ripe";
        public const string AckExtension = ".ack";
        private const string LockFileName = "spool.lock";
        private const long MaxSegmentBytes = 4 * 1024 * 1024;

        // Guards the segments' bookkeeping (offsets, counts, the cold list, acknowledgement files); never held across a
        // data write. Roll-over (a new file every recordsPerSegment records) and acknowledgements do their I/O under it.
        private readonly object _gate = new object();
        private volatile int _coldCount;
        private readonly string _directory;
        private readonly int _recordsPerSegment;
        private readonly int _maxPayloadBytes;
        private readonly ILogger? _logger;
        private readonly FileStream _lock;
        private readonly LinkedList<SpoolSegment> _cold = new LinkedList<SpoolSegment>();
        private readonly HashSet<SpoolSegment> _openAckFiles = new HashSet<SpoolSegment>();
        private SpoolSegment _active;
        private long _outstanding;
        private bool _disposed;

        private DiskSpool(string directory, int recordsPerSegment, int maxMessageBytes, ILogger? logger, FileStream lockFile, long nextSequence)
        {
            _directory = directory;
            _recordsPerSegment = recordsPerSegment;
            _maxPayloadBytes = maxMessageBytes + 2 + 255;
            _logger = logger;
            _lock = lockFile;
            _active = CreateSegment(nextSequence);
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

        /// <summary>Writes a message before returning; a hot one is also queued in memory by the caller, a cold one waits on disk.</summary>
        /// <exception cref="IOException">The write failed (disk full, permissions); nothing of the message counts as spooled.</exception>
        public void Append(OutgoingMessage message, bool hot)
        {
            byte[] record = SpoolRecord.Encode(message);
            SpoolSegment segment;
            long offset;
            int coldIndex = -1;
            lock (_gate)
            {
                if (_disposed)
                {
                    throw new IOException("The spool is closed.");
                }

                if (_active.Records >= _recordsPerSegment || _active.Bytes + record.Length > MaxSegmentBytes || (_active.Records > 0 && _active.IsCold == hot))
                {
                    Roll();
                }

                segment = _active;
                offset = segment.Bytes;
                segment.Bytes += record.Length;
                segment.Records++;
                segment.Outstanding++;
                segment.Writers++;
                _outstanding++;
                if (!hot)
                {
                    if (!segment.IsCold)
                    {
                        segment.IsCold = true;
                        _cold.AddLast(segment);
                        _coldCount = _cold.Count;
                    }

                    coldIndex = segment.AddCold(message.Epoch!);
                }
            }

            Exception? failure = null;
            try
            {
                segment.File!.WriteAt(record, offset);
                message.Segment = segment;
                message.SegmentOffset = offset;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ObjectDisposedException)
            {
                failure = ex;
            }
            finally
            {
                lock (_gate)
                {
                    if (failure != null)
                    {
                        // The reserved place stays a gap the reader skips; the record no longer counts.
                        segment.Outstanding--;
                        _outstanding--;
                        if (coldIndex >= 0)
                        {
                            segment.FailedColdIndexes.Add(coldIndex);
                        }
                    }

                    segment.Writers--;
                    if (segment.Writers == 0)
                    {
                        if (!segment.IsActive)
                        {
                            CloseFile(segment);
                        }

                        System.Threading.Monitor.PulseAll(_gate); // a read-back may wait for the segment's last write
                        DeleteIfDone(segment);
                    }
                }
            }

            if (failure != null)
            {
                throw failure as IOException ?? new IOException("The spool write failed: " + failure.Message, failure);
            }
        }

        /// <summary>Takes the oldest cold segment to read back; if it is still being written, a new one takes over.</summary>
        public SpoolSegment? TakeOldestCold()
        {
            lock (_gate)
            {
                if (_disposed || _cold.Count == 0)
                {
                    return null;
                }

                var segment = _cold.First!.Value;
                if (segment.IsActive)
                {
                    Roll(); // first: when the next file cannot be created, the segment stays cold, taken by a later try
                }

                _cold.RemoveFirst();
                _coldCount = _cold.Count;

                segment.IsCold = false;
                return segment;
            }
        }

        /// <summary>
        /// Reads a taken cold segment back: its unacknowledged records, each tagged with its flush generation.
        /// Generations of records that could not be read back are returned in <paramref name="unreadable"/>.
        /// </summary>
        /// <exception cref="IOException">The file could not be read; the segment's <see cref="SpoolSegment.EpochRuns"/> still count its records.</exception>
        public List<OutgoingMessage> ReadBack(SpoolSegment segment, out List<FlushEpoch> unreadable)
        {
            List<(FlushEpoch Epoch, int Count)> runs;
            lock (_gate)
            {
                // Taken, so no write starts in it any more; the ones under way finish first.
                while (segment.Writers > 0)
                {
                    System.Threading.Monitor.Wait(_gate);
                }

                runs = segment.TakeEpochRuns();
            }

            byte[] data;
            try
            {
                data = File.ReadAllBytes(segment.DataPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The caller gives up on the segment's records for this process: it needs their generations back to do so.
                lock (_gate)
                {
                    segment.EpochRuns.AddRange(runs);
                }

                throw ex as IOException ?? new IOException("The spool segment could not be read: " + ex.Message, ex);
            }

            var records = SpoolRecord.ReadAll(data, _maxPayloadBytes, out _);
            var messages = new List<OutgoingMessage>(records.Count);
            unreadable = new List<FlushEpoch>();

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
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                CloseFile(_active);
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

        private SpoolSegment CreateSegment(long sequence)
        {
            var segment = new SpoolSegment(sequence, _directory) { IsActive = true };
            segment.File = new SegmentFile(segment.DataPath);
            return segment;
        }

        private void Roll()
        {
            // The next file is created first: when that fails, the active segment stays as it was, still usable.
            var previous = _active;
            _active = CreateSegment(previous.Sequence + 1);
            previous.IsActive = false;
            if (previous.Writers == 0)
            {
                CloseFile(previous); // else its last writer closes it
            }

            DeleteIfDone(previous);
        }

        private static void CloseFile(SpoolSegment segment)
        {
            segment.File?.Dispose();
            segment.File = null;
        }

        private void DeleteIfDone(SpoolSegment segment)
        {
            if (segment.Outstanding == 0 && segment.Writers == 0 && !segment.IsActive && !segment.IsCold)
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
