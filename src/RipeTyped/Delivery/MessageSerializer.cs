using System;
using System.Text.Json;
using RipeTyped.Serialization;

namespace RipeTyped.Delivery
{
    /// <summary>The top-level fields that differ per call: track's <c>event</c>, page's <c>name</c>, group's <c>groupId</c>.</summary>
    internal readonly struct CallFields
    {
        public CallFields(string? eventName = null, string? pageName = null, string? groupId = null)
        {
            EventName = eventName;
            PageName = pageName;
            GroupId = groupId;
        }

        public string? EventName { get; }

        public string? PageName { get; }

        public string? GroupId { get; }
    }

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

        public static byte[] Serialize(
            string messageId,
            DateTimeOffset timestamp,
            string? userId,
            string? anonymousId,
            CallFields fields,
            string? payloadName,
            IRipeProperties? payload,
            string? contextGroupId,
            RipePageContext? contextPage)
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
                if (userId != null)
                {
                    writer.WriteString("userId", userId);
                }

                if (anonymousId != null)
                {
                    writer.WriteString("anonymousId", anonymousId);
                }

                WriteIfSet(writer, "event", fields.EventName);
                WriteIfSet(writer, "name", fields.PageName);
                WriteIfSet(writer, "groupId", fields.GroupId);
                if (payload != null && payloadName != null)
                {
                    writer.WritePropertyName(payloadName);
                    payload.WriteTo(writer);
                }

                bool hasPage = contextPage != null && !contextPage.IsEmpty;
                if (contextGroupId != null || hasPage)
                {
                    writer.WriteStartObject("context");
                    if (contextGroupId != null)
                    {
                        writer.WriteString("groupId", contextGroupId);
                    }

                    if (hasPage)
                    {
                        WritePage(writer, contextPage!);
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
