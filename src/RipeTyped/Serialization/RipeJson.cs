using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace RipeTyped.Serialization
{
    /// <summary>
    /// Reflection-free JSON helpers shared by the sender and the code generated from the tracking plan.
    /// </summary>
    public static class RipeJson
    {
        private const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

        /// <summary>Formats an instant as Ripe expects: ISO-8601, UTC, millisecond precision (<c>2026-11-23T17:04:05.123Z</c>).</summary>
        public static string FormatTimestamp(DateTimeOffset value) =>
            value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

        /// <summary>Writes a date-time property value in the same format as <see cref="FormatTimestamp"/>.</summary>
        public static void WriteDateTime(Utf8JsonWriter writer, DateTimeOffset value)
        {
            // Formatted straight to UTF-8 digits: no string, no culture lookup; this runs for every message.
            Span<byte> utf8 = stackalloc byte[24];
            var t = value.UtcDateTime;
            Digits(utf8, 0, t.Year, 4);
            utf8[4] = (byte)'-';
            Digits(utf8, 5, t.Month, 2);
            utf8[7] = (byte)'-';
            Digits(utf8, 8, t.Day, 2);
            utf8[10] = (byte)'T';
            Digits(utf8, 11, t.Hour, 2);
            utf8[13] = (byte)':';
            Digits(utf8, 14, t.Minute, 2);
            utf8[16] = (byte)':';
            Digits(utf8, 17, t.Second, 2);
            utf8[19] = (byte)'.';
            Digits(utf8, 20, t.Millisecond, 3);
            utf8[23] = (byte)'Z';
            writer.WriteStringValue(utf8);
        }

        private static void Digits(Span<byte> into, int at, int value, int count)
        {
            for (int i = at + count - 1; i >= at; i--)
            {
                into[i] = (byte)('0' + (value % 10));
                value /= 10;
            }
        }

        /// <summary>
        /// Writes the unlisted properties of an open type (<c>additionalProperties: true</c>) into the object being
        /// written, skipping any key the type writes itself, so a key is never sent twice.
        /// </summary>
        /// <param name="writer">The writer, inside the type's JSON object.</param>
        /// <param name="additional">The caller's additional properties.</param>
        /// <param name="isListed">True for the JSON names of the type's typed members.</param>
        public static void WriteAdditionalProperties(Utf8JsonWriter writer, RipeProperties additional, Func<string, bool> isListed)
        {
            foreach (var entry in additional)
            {
                if (isListed(entry.Key))
                {
                    continue;
                }

                writer.WritePropertyName(entry.Key);
                WriteAny(writer, entry.Value, entry.Key);
            }
        }

        /// <summary>
        /// Writes a value of a plan property typed <c>any</c> (or an untyped property). Supports null, strings, booleans,
        /// numbers, date/times, <see cref="Guid"/>, enums, <see cref="IRipeProperties"/>, <see cref="JsonElement"/>,
        /// string-keyed dictionaries and sequences.
        /// </summary>
        /// <exception cref="ArgumentException">The value (or something inside it) has a type that cannot be written without reflection.</exception>
        public static void WriteAny(Utf8JsonWriter writer, object? value, string path)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    return;
                case string s:
                    writer.WriteStringValue(s);
                    return;
                case bool b:
                    writer.WriteBooleanValue(b);
                    return;
                case int i:
                    writer.WriteNumberValue(i);
                    return;
                case long l:
                    writer.WriteNumberValue(l);
                    return;
                case double d:
                    WriteDouble(writer, d, path);
                    return;
                case float f:
                    WriteDouble(writer, f, path);
                    return;
                case decimal m:
                    writer.WriteNumberValue(m);
                    return;
                case short sh:
                    writer.WriteNumberValue(sh);
                    return;
                case byte by:
                    writer.WriteNumberValue(by);
                    return;
                case uint ui:
                    writer.WriteNumberValue(ui);
                    return;
                case ulong ul:
                    writer.WriteNumberValue(ul);
                    return;
                case DateTimeOffset dto:
                    WriteDateTime(writer, dto);
                    return;
                case DateTime dt:
                    WriteDateTime(writer, dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)) : new DateTimeOffset(dt));
                    return;
                case Guid g:
                    writer.WriteStringValue(g.ToString("D"));
                    return;
                case Enum e:
                    writer.WriteStringValue(e.ToString());
                    return;
                case JsonElement element:
                    element.WriteTo(writer);
                    return;
                case IRipeProperties nested:
                    nested.WriteTo(writer);
                    return;
                case IEnumerable<KeyValuePair<string, object?>> dictionary:
                    writer.WriteStartObject();
                    foreach (var entry in dictionary)
                    {
                        writer.WritePropertyName(entry.Key);
                        WriteAny(writer, entry.Value, path + "." + entry.Key);
                    }

                    writer.WriteEndObject();
                    return;
                case IDictionary legacyDictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in legacyDictionary)
                    {
                        if (!(entry.Key is string key))
                        {
                            throw new ArgumentException($"Property '{path}' is a dictionary with a non-string key ({entry.Key.GetType()}); JSON object keys must be strings.", nameof(value));
                        }

                        writer.WritePropertyName(key);
                        WriteAny(writer, entry.Value, path + "." + key);
                    }

                    writer.WriteEndObject();
                    return;
                case IEnumerable sequence:
                    writer.WriteStartArray();
                    int index = 0;
                    foreach (object? item in sequence)
                    {
                        WriteAny(writer, item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
                        index++;
                    }

                    writer.WriteEndArray();
                    return;
                default:
                    throw new ArgumentException(
                        $"Property '{path}' has type {value.GetType()}, which RipeTyped cannot serialize without reflection. " +
                        "Use a string, number, boolean, date/time, Guid, enum, IRipeProperties, dictionary or sequence.",
                        nameof(value));
            }
        }

        /// <summary>Writes a finite number; NaN and infinities are not JSON.</summary>
        /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
        public static void WriteDouble(Utf8JsonWriter writer, double value, string path)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentException($"Property '{path}' is {value.ToString(CultureInfo.InvariantCulture)}, which JSON cannot represent.", nameof(value));
            }

            writer.WriteNumberValue(value);
        }
    }
}
