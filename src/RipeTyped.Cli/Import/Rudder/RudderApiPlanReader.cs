using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>
    /// The tracking plan RudderStack's Data Catalog API returns with its events: plan metadata and <c>events[]</c>, each
    /// with <c>eventType</c>, <c>identitySection</c> and <c>rules</c>, a JSON Schema (2019-09) of the whole message whose
    /// <c>properties.properties</c> (or <c>properties.traits</c>) holds the payload, as Segment's wrapped schemas do.
    /// </summary>
    internal static class RudderApiPlanReader
    {
        public const string Layout = "RudderStack API tracking plan (JSON Schema 2019-09)";

        private static readonly HashSet<string> PlanKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "name", "description", "version", "workspaceId", "creationType", "createdAt", "updatedAt", "events",
        };

        private static readonly HashSet<string> EventKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "name", "description", "eventType", "identitySection", "rules", "categoryId", "workspaceId", "createdAt", "updatedAt", "version",
        };

        /// <summary>The API's shape: an <c>events</c> list whose entries say their <c>eventType</c>.</summary>
        public static bool IsApiPlan(JsonElement root) =>
            Json.Property(root, "events") is { ValueKind: JsonValueKind.Array } events && events.EnumerateArray().Any(e => Json.String(e, "eventType") != null);

        public static ImportedPlan Read(string json, string file)
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            var root = document.RootElement;
            if (!IsApiPlan(root) || Json.Property(root, "events") is not { ValueKind: JsonValueKind.Array } events)
            {
                throw CliException.Input($"{file}: not a RudderStack API tracking plan: expected an object with an \"events\" list whose entries have an \"eventType\".");
            }

            var plan = new ImportedPlan(Layout) { Title = Json.String(root, "name") };
            var schemas = new WrappedSchema(plan);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            int index = 0;
            foreach (var e in events.EnumerateArray())
            {
                string path = JsonPath.Index("events", index++);
                string type = Json.String(e, "eventType") ?? "";
                string? name = Json.String(e, "name");
                string section = Json.String(e, "identitySection") ?? (type is "identify" or "group" ? "traits" : "properties");
                string? why = type == "track" && string.IsNullOrWhiteSpace(name) ? "track event without a name; skipped"
                    : type == "track" && names.TryGetValue(name!, out string? first) ? $"'{name}' is already the name of {first}, and a plan's event names are unique; the first one is kept"
                    : type is "page" or "screen" ? $"{type} events are not mapped (a RudderStack {type} event names no page a typed method could)"
                    : type is not ("track" or "identify" or "group") ? $"event type '{type}' is not mapped"
                    : section is not ("properties" or "traits") ? $"identitySection '{section}' is not mapped (only properties and traits are)"
                    : null;
                if (why != null)
                {
                    plan.DropCall(type == "track", path, why, JsonSchemaReader.CountCallProperties(e));
                    continue;
                }

                var call = type switch
                {
                    "identify" => plan.Identify ??= new ImportedCall("identify"),
                    "group" => plan.Group ??= new ImportedCall("group"),
                    _ => plan.AddEvent(name!),
                };
                if (type == "track")
                {
                    names[name!] = path;
                }

                call.Description ??= Json.NonEmpty(Json.String(e, "description"));
                if (Json.Property(e, "rules") is { } rules && !Json.IsEmpty(rules))
                {
                    schemas.Read(rules, section, call, JsonPath.Member(path, "rules"));
                }
                else
                {
                    call.AdditionalProperties = true; // no rules: any properties
                }

                SegmentPlanReader.ReportUnknownKeys(plan, e, path, EventKeys);
            }

            SegmentPlanReader.ReportUnknownKeys(plan, root, "", PlanKeys);
            NamingDetector.Detect(plan);
            return plan;
        }
    }
}
