using System;
using System.Collections.Generic;
using System.Text;

namespace RipeTyped.Delivery.Spool
{
    /// <summary>
    /// The on-disk record, format 1: <c>magic(4) length(4) crc32(4) payload</c>, payload = <c>call(1) idLength(1) messageId body</c>,
    /// integers little-endian. The magic names the format (<c>RIPE</c> = format 1; a later format takes a new magic and
    /// readers keep reading the old ones); the call byte is a fixed code (<see cref="CallCode"/>), never an enum's or array's
    /// order. A record is written with one write call; a reader skips anything whose length or CRC does not check out and
    /// resynchronises on the next magic, so a torn tail never poisons the records before it. The API key is never part of a record.
    /// </summary>
    internal static class SpoolRecord
    {
        public const int HeaderBytes = 12;
        private const uint Magic = 0x45504952; // "RIPE" read little-endian: format 1

        /// <summary>The call's code on disk. Written in spools that outlive the process: never renumber.</summary>
        internal static byte CallCode(RipeCall call) => call switch
        {
            RipeCall.Identify => 0,
            RipeCall.Track => 1,
            RipeCall.Page => 2,
            RipeCall.Group => 3,
            _ => throw new ArgumentOutOfRangeException(nameof(call), call, "A call without an on-disk code."),
        };

        private static RipeCall? CallOf(byte code) => code switch
        {
            0 => RipeCall.Identify,
            1 => RipeCall.Track,
            2 => RipeCall.Page,
            3 => RipeCall.Group,
            _ => null,
        };

        public static byte[] Encode(OutgoingMessage message)
        {
            byte callCode = CallCode(message.Call);

            byte[] id = Encoding.ASCII.GetBytes(message.MessageId);
            int payloadLength = 2 + id.Length + message.Body.Length;
            var record = new byte[HeaderBytes + payloadLength];
            int p = HeaderBytes;
            record[p++] = callCode;
            record[p++] = (byte)id.Length;
            Buffer.BlockCopy(id, 0, record, p, id.Length);
            Buffer.BlockCopy(message.Body, 0, record, p + id.Length, message.Body.Length);

            WriteUInt32(record, 0, Magic);
            WriteUInt32(record, 4, (uint)payloadLength);
            WriteUInt32(record, 8, Crc32.Compute(record, HeaderBytes, payloadLength));
            return record;
        }

        /// <summary>Every intact record in <paramref name="data"/> with its start offset; damaged bytes are skipped.</summary>
        public static List<(long Offset, RipeCall Call, string MessageId, byte[] Body)> ReadAll(byte[] data, int maxPayloadBytes, out int damagedRegions)
        {
            var records = new List<(long, RipeCall, string, byte[])>();
            damagedRegions = 0;
            bool inDamage = false;
            int offset = 0;
            while (offset + HeaderBytes <= data.Length)
            {
                if (TryRead(data, offset, maxPayloadBytes, out int payloadLength, out var record))
                {
                    records.Add((offset, record.Call, record.MessageId, record.Body));
                    offset += HeaderBytes + payloadLength;
                    inDamage = false;
                    continue;
                }

                if (!inDamage)
                {
                    damagedRegions++;
                    inDamage = true;
                }

                offset++;
            }

            if (offset < data.Length && !inDamage)
            {
                damagedRegions++; // a tail too short to hold a header: a torn last write
            }

            return records;
        }

        private static bool TryRead(byte[] data, int offset, int maxPayloadBytes, out int payloadLength, out (RipeCall Call, string MessageId, byte[] Body) record)
        {
            record = default;
            payloadLength = 0;
            if (ReadUInt32(data, offset) != Magic)
            {
                return false;
            }

            uint length = ReadUInt32(data, offset + 4);
            if (length < 2 || length > (uint)maxPayloadBytes || offset + HeaderBytes + (long)length > data.Length)
            {
                return false;
            }

            payloadLength = (int)length;
            int p = offset + HeaderBytes;
            if (Crc32.Compute(data, p, payloadLength) != ReadUInt32(data, offset + 8))
            {
                return false;
            }

            RipeCall? call = CallOf(data[p]);
            int idLength = data[p + 1];
            if (call is null || 2 + idLength > payloadLength)
            {
                return false;
            }

            string messageId = Encoding.ASCII.GetString(data, p + 2, idLength);
            var body = new byte[payloadLength - 2 - idLength];
            Buffer.BlockCopy(data, p + 2 + idLength, body, 0, body.Length);
            record = (call.Value, messageId, body);
            return true;
        }

        private static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        private static uint ReadUInt32(byte[] buffer, int offset) =>
            buffer[offset] | ((uint)buffer[offset + 1] << 8) | ((uint)buffer[offset + 2] << 16) | ((uint)buffer[offset + 3] << 24);
    }
}
