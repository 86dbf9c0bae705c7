using System;
using System.Text.Json;
using RipeTyped.Delivery;

namespace RipeTyped.Serialization
{
    /// <summary>Writes the JSON body of each Ripe call, in the shape the Ripe HTTP API documents.</summary>
    internal static class MessageSerializer
    {
        // Messages are serialized on the calling thread; one writer and buffer per thread are reused, so a message
        // allocates only its final byte array. Buffers that grew past 64 KiB (an unusual message) are not kept.
        private const int KeptBufferBytes = 64 * 1024;

        private static readonly JsonEncodedText MessageIdName = JsonEncodedText.Encode("messageId");
        private static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode("timestamp");

        [ThreadStatic]
        private static ReusableBufferWriter? t_buffer;

        [ThreadStatic]
        private static Utf8JsonWriter? t_writer;

        public static byte[] Serialize(string messageId, DateTimeOffset timestamp, in CallContent content)
        {
            var buffer = t_buffer ??= new ReusableBufferWriter(1024);
            buffer.Clear();
            var writer = t_writer;
            if (writer is null)
            {
                writer = t_writer = new Utf8JsonWriter(buffer);
            }
            else
            {
                writer.Reset(buffer);
            }

            try
            {
                writer.WriteStartObject();
                writer.WriteString(MessageIdName, messageId);
                writer.WritePropertyName(TimestampName);
                RipeJson.WriteDateTime(writer, timestamp);
                WriteIfSet(writer, "userId", content.UserId);
                WriteIfSet(writer, "anonymousId", content.AnonymousId);
                WriteIfSet(writer, "event", content.EventName);
                WriteIfSet(writer, "name", content.PageName);
                WriteIfSet(writer, "groupId", content.GroupId);
                if (content.Payload != null)
                {
                    writer.WritePropertyName(content.Call.PayloadName());
                    content.Payload.WriteTo(writer);
                }

                bool hasPage = content.ContextPage != null && !content.ContextPage.IsEmpty;
                if (content.ContextGroupId != null || hasPage)
                {
                    writer.WriteStartObject("context");
                    WriteIfSet(writer, "groupId", content.ContextGroupId);
                    if (hasPage)
                    {
                        WritePage(writer, content.ContextPage!);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.Flush();
                return buffer.WrittenSpan.ToArray();
            }
            catch
            {
                // A payload that threw mid-way leaves the writer in an unknown state: start the next message afresh.
                t_writer = null;
                throw;
            }
            finally
            {
                if (buffer.Capacity > KeptBufferBytes)
                {
                    t_buffer = null;
                    t_writer = null;
                }
            }
        }

        private static void WritePage(Utf8JsonWriter writer, RipePageContext page)
        {
            writer.WriteStartObject("page");
            WriteIfSet(writer, "path", page.Path);
            WriteIfSet(writer, "referrer", page.Referrer);
            WriteIfSet(writer, "search", page.Search);
            WriteIfSet(writer, "title", page.Title);
            WriteIfSet(writer, "url", page.Url);
            writer.WriteEndObject();
        }

        private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
        {
            if (value != null)
            {
                writer.WriteString(name, value);
            }
        }
    }
}
