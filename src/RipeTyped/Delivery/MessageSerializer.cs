using System;
using System.IO;
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
            using var stream = new MemoryStream(256);
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("messageId", messageId);
                writer.WriteString("timestamp", RipeJson.FormatTimestamp(timestamp));
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
            }

            return stream.ToArray();
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
