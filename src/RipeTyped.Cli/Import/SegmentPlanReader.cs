using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// Reads a Segment Protocols tracking plan: Typewriter's <c>plan.json</c> (<c>rules.events[].rules</c>,
    /// <c>rules.identify</c>, <c>rules.group</c>) or the Public API's rule list (<c>rules[]</c> with <c>type</c>,
    /// <c>key</c>, <c>jsonSchema</c>). Each event's JSON Schema becomes RipeTyped properties; anything JSON Schema can
    /// say that the plan format cannot is listed in <see cref="ImportedPlan.Unmapped"/>, never silently dropped.
    /// </summary>
    internal static class SegmentPlanReader
    {
        private static readonly string[] Understood =
        {
            "type", "description", "enum", "items", "properties", "required", "pattern", "minimum", "maximum",
            "minLength", "maxLength", "format", "$schema", "labels", "id", "$id", "title",
        };

        public static ImportedPlan Read(string json, string path)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException ex)
            {
                throw CliException.Input($"{path}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): not valid JSON: {FirstSentence(ex.Message)}");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && (Property(root, "tracking_plan") ?? Property(root, "trackingPlan")) is { } wrapped)
                {
                    root = wrapped;
                }

                var rules = root.ValueKind == JsonValueKind.Object ? Property(root, "rules") : null;
                if (rules is null)
                {
                    throw CliException.Input($"{path}: not a Segment tracking plan: expected an object with \"rules\" (Typewriter's plan.json or the Public API's tracking plan).");
                }

                var plan = new ImportedPlan { Title = String(root, "display_name") ?? String(root, "name") };
                if (rules.Value.ValueKind == JsonValueKind.Array)
                {
                    ReadRuleList(rules.Value, plan);
                }
                else if (rules.Value.ValueKind == JsonValueKind.Object)
                {
                    ReadTypewriterRules(rules.Value, plan);
                }
                else
                {
                    throw CliException.Input($"{path}: \"rules\" must be an object or an array.");
                }

                return plan;
            }
        }

        private static void ReadTypewriterRules(JsonElement rules, ImportedPlan plan)
        {
            if (Property(rules, "events") is { ValueKind: JsonValueKind.Array } events)
            {
                int index = 0;
                foreach (var e in events.EnumerateArray())
                {
                    string where = $"rules.events[{index++}]";
                    string? name = String(e, "name");
                    if (string.IsNullOrWhiteSpace(name))
                    {
                        plan.Unmapped.Add($"{where}: event without a name, skipped");
                        continue;
                    }

                    var call = new ImportedCall(name!) { Description = NonEmpty(String(e, "description")) };
                    if (Property(e, "rules") is { } schema)
                    {
                        ReadPayload(schema, "properties", call, $"{where} ({name})", plan);
                    }

                    plan.Events.Add(call);
                }
            }

            if (Property(rules, "identify") is { ValueKind: JsonValueKind.Object } identify)
            {
                plan.Identify = new ImportedCall("identify");
                ReadPayload(identify, "traits", plan.Identify, "rules.identify", plan);
            }

            if (Property(rules, "group") is { ValueKind: JsonValueKind.Object } group)
            {
                plan.Group = new ImportedCall("group");
                ReadPayload(group, "traits", plan.Group, "rules.group", plan);
            }

            foreach (string legacy in new[] { "identify_traits", "group_traits", "global" })
            {
                if (Property(rules, legacy) is { } value && !IsEmpty(value))
                {
                    plan.Unmapped.Add($"rules.{legacy}: not mapped (RipeTyped has no global or legacy trait lists); move them into identify/group traits by hand");
                }
            }
        }

        private static void ReadRuleList(JsonElement rules, ImportedPlan plan)
        {
            int index = 0;
            foreach (var rule in rules.EnumerateArray())
            {
                string where = $"rules[{index++}]";
                string type = (String(rule, "type") ?? "").ToUpperInvariant();
                var schema = Property(rule, "jsonSchema") ?? Property(rule, "json_schema");
                string? key = String(rule, "key");
                switch (type)
                {
                    case "TRACK" when !string.IsNullOrWhiteSpace(key):
                        var call = new ImportedCall(key!) { Description = schema is { } s ? NonEmpty(String(s, "description")) : null };
                        if (schema != null)
                        {
                            ReadPayload(schema.Value, "properties", call, $"{where} ({key})", plan);
                        }

                        plan.Events.Add(call);
                        break;
                    case "PAGE" when !string.IsNullOrWhiteSpace(key):
                        var page = new ImportedCall(key!);
                        if (schema != null)
                        {
                            ReadPayload(schema.Value, "properties", page, $"{where} ({key})", plan);
                        }

                        plan.Pages.Add(page);
                        break;
                    case "IDENTIFY":
                        plan.Identify = new ImportedCall("identify");
                        if (schema != null)
                        {
                            ReadPayload(schema.Value, "traits", plan.Identify, where, plan);
                        }

                        break;
                    case "GROUP":
                        plan.Group = new ImportedCall("group");
                        if (schema != null)
                        {
                            ReadPayload(schema.Value, "traits", plan.Group, where, plan);
                        }

                        break;
                    default:
                        plan.Unmapped.Add($"{where}: rule of type '{type}'{(key is null ? "" : $" ('{key}')")} not mapped (RipeTyped plans have track, page, identify and group)");
                        break;
                }
            }
        }

        /// <summary>The event schema's <c>properties.properties</c> (or <c>properties.traits</c>) object becomes the call's properties.</summary>
        private static void ReadPayload(JsonElement eventSchema, string payload, ImportedCall call, string where, ImportedPlan plan)
        {
            if (Property(eventSchema, "properties") is not { ValueKind: JsonValueKind.Object } top)
            {
                return;
            }

            if (Property(top, payload) is { ValueKind: JsonValueKind.Object } body)
            {
                ReadObjectProperties(body, call.Properties, $"{where}.{payload}", plan);
            }

            if (Property(top, "context") is { } context && !IsEmpty(context))
            {
                plan.Unmapped.Add($"{where}.context: rules on context are not mapped (RipeTyped sends context itself)");
            }
        }

        private static void ReadObjectProperties(JsonElement schema, List<ImportedProperty> into, string where, ImportedPlan plan)
        {
            var required = Property(schema, "required") is { ValueKind: JsonValueKind.Array } list
                ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            if (Property(schema, "properties") is not { ValueKind: JsonValueKind.Object } properties)
            {
                return;
            }

            foreach (var member in properties.EnumerateObject())
            {
                var property = ReadProperty(member.Name, member.Value, $"{where}.{member.Name}", plan);
                property.Required = required.Contains(member.Name);
                into.Add(property);
            }
        }

        private static ImportedProperty ReadProperty(string name, JsonElement schema, string where, ImportedPlan plan)
        {
            var property = new ImportedProperty(name);
            if (schema.ValueKind != JsonValueKind.Object)
            {
                plan.Unmapped.Add($"{where}: schema is not an object; imported as any");
                return property;
            }

            property.Description = NonEmpty(String(schema, "description"));
            foreach (var member in schema.EnumerateObject())
            {
                if (Array.IndexOf(Understood, member.Name) < 0)
                {
                    plan.Unmapped.Add($"{where}: '{member.Name}' is not mapped");
                }
            }

            var types = Types(schema);
            property.Nullable = types.Remove("null");
            if (Property(schema, "enum") is { ValueKind: JsonValueKind.Array } values)
            {
                foreach (var value in values.EnumerateArray())
                {
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        property.Values.Add(value.GetString()!);
                    }
                    else if (value.ValueKind == JsonValueKind.Null)
                    {
                        property.Nullable = true;
                    }
                    else
                    {
                        plan.Unmapped.Add($"{where}: enum value {value.GetRawText()} is not a string; left out");
                    }
                }

                if (property.Values.Count > 0)
                {
                    property.Type = "enum";
                    return property;
                }
            }

            if (types.Count > 1)
            {
                plan.Unmapped.Add($"{where}: several types ({string.Join(", ", types)}); imported as any");
                return property;
            }

            string? type = types.FirstOrDefault();
            switch (type)
            {
                case "string":
                    string? format = String(schema, "format");
                    property.Type = format == "date-time" ? "date-time" : "string";
                    if (format != null && format != "date-time")
                    {
                        plan.Unmapped.Add($"{where}: format '{format}' is not checked by RipeTyped; imported as a plain string");
                    }

                    property.Pattern = String(schema, "pattern");
                    property.MinLength = Int(schema, "minLength", where, plan);
                    property.MaxLength = Int(schema, "maxLength", where, plan);
                    break;
                case "integer":
                case "number":
                    property.Type = type;
                    property.Minimum = Number(schema, "minimum");
                    property.Maximum = Number(schema, "maximum");
                    break;
                case "boolean":
                    property.Type = "boolean";
                    break;
                case "array":
                    property.Type = "array";
                    property.Items = Property(schema, "items") is { } items
                        ? ReadProperty("items", items, where + ".items", plan)
                        : new ImportedProperty("items");
                    break;
                case "object":
                    ReadObjectProperties(schema, property.Properties, where, plan);
                    property.Type = property.Properties.Count > 0 ? "object" : "any";
                    break;
                case null:
                    break; // no type: Segment accepts anything, and so does 'any'
                default:
                    plan.Unmapped.Add($"{where}: type '{type}' is not a JSON Schema type; imported as any");
                    break;
            }

            return property;
        }

        private static List<string> Types(JsonElement schema) => Property(schema, "type") switch
        {
            { ValueKind: JsonValueKind.String } single => new List<string> { single.GetString()! },
            { ValueKind: JsonValueKind.Array } many => many.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).Distinct().ToList(),
            _ => new List<string>(),
        };

        private static JsonElement? Property(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : (JsonElement?)null;

        private static string? String(JsonElement element, string name) =>
            Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

        private static double? Number(JsonElement element, string name) =>
            Property(element, name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

        private static int? Int(JsonElement element, string name, string where, ImportedPlan plan)
        {
            if (Property(element, name) is not { ValueKind: JsonValueKind.Number } value)
            {
                return null;
            }

            if (value.TryGetInt32(out int result) && result >= 0)
            {
                return result;
            }

            plan.Unmapped.Add($"{where}: {name} {value.GetRawText()} is not a length; left out");
            return null;
        }

        private static bool IsEmpty(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => !element.EnumerateObject().Any(),
            JsonValueKind.Array => element.GetArrayLength() == 0,
            JsonValueKind.Null => true,
            _ => false,
        };

        private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

        private static string FirstSentence(string message)
        {
            int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return cut > 0 ? message.Substring(0, cut) : message;
        }
    }
}
