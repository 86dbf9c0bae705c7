using System;
using System.Threading;

namespace RipeTyped.Delivery.Spool
{
    /// <summary>
    /// One call's record waiting to be written by a group commit (<see cref="DiskSpool.Append"/>). Its caller waits on it
    /// until the record is written or failed, or until it is asked to lead the next group.
    /// </summary>
    internal sealed class SpoolAppend
    {
        private bool _written;
        private bool _leads;

        public SpoolAppend(OutgoingMessage message, byte[] record, bool hot)
        {
            Message = message;
            Record = record;
            Hot = hot;
        }

        public OutgoingMessage Message { get; }

        public byte[] Record { get; }

        public bool Hot { get; }

        /// <summary>Set when the group's write failed for this record.</summary>
        public Exception? Error { get; set; }

        /// <summary>Blocks until this record was written (true) or this caller must lead the next group (false).</summary>
        public bool WaitWrittenOrLead()
        {
            lock (this)
            {
                while (!_written && !_leads)
                {
                    Monitor.Wait(this);
                }

                return _written;
            }
        }

        /// <summary>Wakes the caller: its record is on disk, or <see cref="Error"/> says why not.</summary>
        public void Written()
        {
            lock (this)
            {
                _written = true;
                Monitor.Pulse(this);
            }
        }

        /// <summary>Wakes the caller to write the next group, its own record among it.</summary>
        public void Lead()
        {
            lock (this)
            {
                _leads = true;
                Monitor.Pulse(this);
            }
        }
    }
}
