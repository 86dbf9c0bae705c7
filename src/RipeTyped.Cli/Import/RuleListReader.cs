using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// A list of rules (<c>type</c>, <c>key</c>, <c>version</c>, <c>jsonSchema</c>): the Public API's form, whose schemas
    /// are wrapped, and Typewriter v8/v9's <c>plan.json</c>, whose schemas are unwrapped and carry <c>eventMetadata</c>.
    /// </summary>
    internal sealed class RuleListReader
    {
        private static readonly HashSet<string> RuleKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "type", "key", "version", "jsonSchema", "json_schema", "createdAt", "updatedAt", "deprecatedAt", "labels", "description", "id",
        };

        private readonly ImportedPlan _plan;
        private readonly bool _unwrapped;
        private readonly WrappedSchema _schemas;

        public RuleListReader(ImportedPlan plan, bool unwrapped)
        {
            _plan = plan;
            _unwrapped = unwrapped;
            _schemas = new WrappedSchema(plan);
        }

        public void Read(JsonElement rules, string path)
        {
            var list = rules.EnumerateArray().ToList();
            var newest = Versions.Newest(list.Select((r, i) => (Type(r) + "\n" + Name(r), Version(r), i)).ToList());
            for (int i = 0; i < list.Count; i++)
            {
                int kept = newest[Type(list[i]) + "\n" + Name(list[i])];
                ReadRule(list[i], JsonPath.Index(path, i), kept == i ? null : (Version(list[kept]), JsonPath.Index(path, kept)));
            }
        }

        /// <param name="newer">The version and path of the rule imported instead of this one, if this one is not the newest.</param>
        private void ReadRule(JsonElement rule, string path, (long Version, string Path)? newer)
        {
            string type = Type(rule);
            string name = Name(rule);
            var schema = SegmentPlanReader.SchemaOf(rule);
            if (newer is { } kept)
            {
                DropRule(rule, type, path, $"{type} rule: " + Versions.NotNewest(name, Version(rule), kept.Version, kept.Path));
                return;
            }

            ImportedCall? call = type switch
            {
                "TRACK" when name.Length > 0 => _plan.AddEvent(name),
                "PAGE" when name.Length > 0 => Add(_plan.Pages, name),
                "IDENTIFY" => _plan.Identify = new ImportedCall("identify"),
                "GROUP" => _plan.Group = new ImportedCall("group"),
                _ => null,
            };
            if (call is null)
            {
                string why = type is "TRACK" or "PAGE"
                    ? $"{type.ToLowerInvariant()} rule without a name; not mapped"
                    : $"rule of type '{type}'{(name.Length == 0 ? "" : $" ('{name}')")} is not mapped (RipeTyped plans have track, page, identify and group)";
                DropRule(rule, type, path, why);

                return;
            }

            call.Description = Json.NonEmpty(Json.String(rule, "description"));
            call.Deprecated = Json.Property(rule, "deprecatedAt") is { ValueKind: JsonValueKind.String };
            SegmentPlanReader.ReadLabels(_plan, Json.Property(rule, "labels"), call, JsonPath.Member(path, "labels"));
            string schemaPath = JsonPath.Member(path, Json.Property(rule, "jsonSchema") != null ? "jsonSchema" : "json_schema");
            if (schema is null || schema.Value.ValueKind == JsonValueKind.Null)
            {
                call.AdditionalProperties = true; // no schema: Segment accepts anything
            }
            else if (_unwrapped && Json.Property(schema.Value, "eventMetadata") != null)
            {
                _schemas.ReadUnwrapped(schema.Value, call, schemaPath);
            }
            else
            {
                _schemas.Read(schema.Value, type is "IDENTIFY" or "GROUP" ? "traits" : "properties", call, schemaPath);
            }

            SegmentPlanReader.ReportUnknownKeys(_plan, rule, path, RuleKeys);
        }

        /// <summary>A rule left out; a track rule is an event of the source, so it is counted as one.</summary>
        private void DropRule(JsonElement rule, string type, string path, string why)
        {
            _plan.DropCall(type == "TRACK", path, why, JsonSchemaReader.CountCallProperties(rule));
        }

        private static ImportedCall Add(List<ImportedCall> calls, string name)
        {
            var call = new ImportedCall(name);
            calls.Add(call);
            return call;
        }

        private static string Type(JsonElement rule) => (Json.String(rule, "type") ?? "").ToUpperInvariant();

        /// <summary>v8/v9 keep the exact name in <c>eventMetadata.name</c> (the key has '#' removed); the Public API in <c>key</c>.</summary>
        private static string Name(JsonElement rule) =>
            (SegmentPlanReader.SchemaOf(rule) is { } schema && Json.Property(schema, "eventMetadata") is { } metadata ? Json.String(metadata, "name") : null)
            ?? Json.String(rule, "key") ?? "";

        private static long Version(JsonElement rule) => Json.Property(rule, "version") is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out long n) ? n : 0;
    }
}
