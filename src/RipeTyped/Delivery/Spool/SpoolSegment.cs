using System.Collections.Generic;
using System.IO;

namespace RipeTyped.Delivery.Spool
{
    /// <summary>
    /// One spool file (<c>NNNNNNNNNNNN.ripe</c>) and its acknowledgement file (<c>.ack</c>: the 8-byte offsets of
    /// records Ripe accepted). A segment is hot (its records also went to the in-memory queue) or cold (on disk only,
    /// read back into memory when the queue has room). All members are guarded by the owning <see cref="DiskSpool"/>.
    /// </summary>
    internal sealed class SpoolSegment
    {
        public SpoolSegment(long sequence, string directory)
        {
            Sequence = sequence;
            DataPath = Path.Combine(directory, sequence.ToString("D12") + DiskSpool.DataExtension);
            AckPath = Path.Combine(directory, sequence.ToString("D12") + DiskSpool.AckExtension);
        }

        public long Sequence { get; }

        public string DataPath { get; }

        public string AckPath { get; }

        /// <summary>Records written and not yet acknowledged.</summary>
        public int Outstanding { get; set; }

        /// <summary>Records written (this process) or found intact (recovery).</summary>
        public int Records { get; set; }

        public long Bytes { get; set; }

        public bool IsCold { get; set; }

        /// <summary>True while new records are appended to it.</summary>
        public bool IsActive { get; set; }

        /// <summary>Offsets acknowledged by an earlier process, skipped when the segment is read back.</summary>
        public HashSet<long>? AcknowledgedBefore { get; set; }

        /// <summary>For a cold segment: which flush generation its records belong to, in write order (runs of equal epochs).</summary>
        public List<(FlushEpoch Epoch, int Count)> EpochRuns { get; } = new List<(FlushEpoch, int)>();

        public FileStream? AckStream { get; set; }

        /// <summary>The data file while records may still be written to it (active, or writes under way); then null.</summary>
        public SegmentFile? File { get; set; }

        /// <summary>Writes reserved in this segment and not finished yet.</summary>
        public int Writers { get; set; }

        /// <summary>Cold records whose write failed, by their index among the segment's cold records: gaps in the file.</summary>
        public HashSet<int> FailedColdIndexes { get; } = new HashSet<int>();

        private int _coldRecords;

        /// <summary>Counts a cold record of <paramref name="epoch"/> in write order; returns its index among the cold records.</summary>
        public int AddCold(FlushEpoch epoch)
        {
            AddToEpochRun(epoch);
            return _coldRecords++;
        }

        /// <summary>The epoch runs of the records really in the file (failed writes left out), for a read-back; clears them.</summary>
        public List<(FlushEpoch Epoch, int Count)> TakeEpochRuns()
        {
            var runs = new List<(FlushEpoch Epoch, int Count)>(EpochRuns.Count);
            int index = 0;
            foreach (var (epoch, count) in EpochRuns)
            {
                int kept = 0;
                for (int i = 0; i < count; i++, index++)
                {
                    kept += FailedColdIndexes.Contains(index) ? 0 : 1;
                }

                if (kept > 0)
                {
                    runs.Add((epoch, kept));
                }
            }

            EpochRuns.Clear();
            FailedColdIndexes.Clear();
            return runs;
        }

        public void AddToEpochRun(FlushEpoch epoch)
        {
            int last = EpochRuns.Count - 1;
            if (last >= 0 && ReferenceEquals(EpochRuns[last].Epoch, epoch))
            {
                EpochRuns[last] = (epoch, EpochRuns[last].Count + 1);
            }
            else
            {
                EpochRuns.Add((epoch, 1));
            }
        }
    }
}
