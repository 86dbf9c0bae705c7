using System;
using System.IO;

namespace RipeTyped.Delivery.Spool
{
    /// <summary>
    /// A segment's data file, written at offsets each caller reserved beforehand, so callers write side by side and none
    /// waits for another's write. On .NET 8+ a positional write (<c>pwrite</c>) needs no lock at all; .NET Standard has
    /// no positional write, so there (.NET Framework) the seek and write of one record share a lock per file.
    /// Every write goes straight to the OS (no buffering): a record written before its call returns survives a process kill.
    /// </summary>
    internal sealed class SegmentFile : IDisposable
    {
#if NET8_0_OR_GREATER
        private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _handle;

        public SegmentFile(string path)
        {
            _handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        }

        public void WriteAt(byte[] data, long offset) => RandomAccess.Write(_handle, data, offset);

        public void Dispose() => _handle.Dispose();
#else
        private readonly FileStream _stream;

        public SegmentFile(string path)
        {
            _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1);
        }

        public void WriteAt(byte[] data, long offset)
        {
            lock (_stream)
            {
                _stream.Position = offset;
                _stream.Write(data, 0, data.Length);
            }
        }

        public void Dispose() => _stream.Dispose();
#endif
    }
}
