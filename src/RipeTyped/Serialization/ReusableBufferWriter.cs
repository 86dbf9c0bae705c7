using System;
using System.Buffers;

namespace RipeTyped.Serialization
{
    /// <summary>
    /// A growable byte buffer reused across messages on one thread, so serializing a message allocates only its final
    /// byte array. (ArrayBufferWriter is not available on netstandard2.0.)
    /// </summary>
    internal sealed class ReusableBufferWriter : IBufferWriter<byte>
    {
        private byte[] _buffer;
        private int _written;

        public ReusableBufferWriter(int initialCapacity) => _buffer = new byte[initialCapacity];

        public ReadOnlySpan<byte> WrittenSpan => new ReadOnlySpan<byte>(_buffer, 0, _written);

        public int Capacity => _buffer.Length;

        public void Clear() => _written = 0;

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return new Memory<byte>(_buffer, _written, _buffer.Length - _written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return new Span<byte>(_buffer, _written, _buffer.Length - _written);
        }

        private void Ensure(int sizeHint)
        {
            int needed = Math.Max(sizeHint, 1);
            if (_buffer.Length - _written < needed)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _written + needed));
            }
        }
    }
}
