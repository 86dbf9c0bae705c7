using System;
using System.Collections.Generic;
using System.Text.Json;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// Segment's schema of a whole call: <c>properties.properties</c> (or <c>properties.traits</c>) holds the payload,
    /// next to <c>properties.context</c> and the call's other fields. Also reads the unwrapped form Typewriter v8/v9 writes.
    /// </summary>
    internal sealed class WrappedSchema
    {
        private static readonly HashSet<string> SchemaBookkeeping = new HashSet<string>(StringComparer.Ordinal) { "$schema", "id", "$id", "type", "title", "$comment" };

        private readonly ImportedPlan _plan;
        private readonly JsonSchemaReader _schemas;

        public WrappedSchema(ImportedPlan plan)
        {
            _plan = plan;
            _schemas = new JsonSchemaReader(plan);
        }

        /// <summary>A wrapped call schema: the payload under <c>properties.{payload}</c>.</summary>
        public void Read(JsonElement schema, string payload, ImportedCall call, string path)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                _plan.Report(path, "is not a schema object; the call is imported without rules (any properties)");
                call.AdditionalProperties = true;
                return;
            }

            bool sawPayload = false;
            foreach (var member in schema.EnumerateObject())
            {
                string at = JsonPath.Member(path, member.Name);
                switch (member.Name)
                {
                    case "properties" when member.Value.ValueKind == JsonValueKind.Object:
                        foreach (var field in member.Value.EnumerateObject())
                        {
                            string fieldPath = JsonPath.Member(at, field.Name);
                            if (field.Name == payload)
                            {
                                sawPayload = true;
                                ReadPayload(field.Value, call, fieldPath);
                            }
                            else if (!Json.IsEmpty(field.Value) && !IsBookkeepingOnly(field.Value))
                            {
                                string why = field.Name == "context"
                                    ? "rules on context are not mapped (RipeTyped sends context itself)"
                                    : $"rules on the message's '{field.Name}' are not mapped (only '{payload}' is)";
                                _plan.Report(fieldPath, why, _schemas.Skip(field.Value));
                            }
                        }

                        break;
                    case "description":
                        call.Description ??= Json.NonEmpty(member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null);
                        break;
                    case "labels":
                        SegmentPlanReader.ReadLabels(_plan, member.Value, call, at);
                        break;
                    case "required":
                    case "additionalProperties":
                        break; // about the message fields ("properties" must be there): nothing for the payload
                    default:
                        if (!SchemaBookkeeping.Contains(member.Name))
                        {
                            _plan.Report(at, $"'{member.Name}' is not mapped", _schemas.Skip(member.Value));
                        }

                        break;
                }
            }

            if (!sawPayload)
            {
                call.AdditionalProperties = true; // no rules on the payload: Segment accepts any properties
            }
        }

        /// <summary>Typewriter v8/v9's unwrapped schema: the payload's own object schema, plus <c>eventMetadata</c> and labels.</summary>
        public void ReadUnwrapped(JsonElement schema, ImportedCall call, string path)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                _plan.Report(path, "is not a schema object; the call is imported without rules (any properties)");
                call.AdditionalProperties = true;
                return;
            }

            call.Description ??= Json.NonEmpty(Json.String(schema, "description"));
            SegmentPlanReader.ReadLabels(_plan, Json.Property(schema, "labels"), call, JsonPath.Member(path, "labels"));
            ReadPayload(schema, call, path, "eventMetadata", "labels", "description");
        }

        private void ReadPayload(JsonElement payload, ImportedCall call, string path, params string[] handled)
        {
            if (payload.ValueKind != JsonValueKind.Object)
            {
                call.AdditionalProperties = payload.ValueKind != JsonValueKind.False;
                return;
            }

            bool open = _schemas.ReadMembers(payload, call.Properties, path);
            bool closed = Json.Property(payload, "additionalProperties") is { ValueKind: JsonValueKind.False };

            // Segment's meaning of a call without listed properties: it may carry any.
            call.AdditionalProperties = open || (call.Properties.Count == 0 && !closed);
            foreach (var member in payload.EnumerateObject())
            {
                if (member.Name is "properties" or "required" or "additionalProperties" || SchemaBookkeeping.Contains(member.Name) || Array.IndexOf(handled, member.Name) >= 0)
                {
                    continue;
                }

                if (member.Name == "description")
                {
                    call.Description ??= Json.NonEmpty(member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null);
                    continue;
                }

                _plan.Report(JsonPath.Member(path, member.Name), $"'{member.Name}' is not mapped", _schemas.Skip(member.Value));
            }
        }

        /// <summary>Typewriter writes <c>{"id": "/properties/context"}</c> for a field without rules.</summary>
        private static bool IsBookkeepingOnly(JsonElement schema)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var member in schema.EnumerateObject())
            {
                if (!SchemaBookkeeping.Contains(member.Name) && member.Name != "description")
                {
                    return false;
                }
            }

            return true;
        }
    }
}
