using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// Reads a Segment Protocols tracking plan in any of its published layouts (docs/import.md):
    /// <list type="bullet">
    /// <item>Typewriter v7 / Config API <c>plan.json</c>: <c>rules.events[]</c> with <c>name</c> and a wrapped schema in <c>rules</c>;</item>
    /// <item>Typewriter's older local plan: the same events at the top level (<c>events[]</c>);</item>
    /// <item>Typewriter v8/v9 <c>plan.json</c>: <c>rules[]</c> whose <c>jsonSchema</c> is unwrapped (properties directly) and has <c>eventMetadata</c>;</item>
    /// <item>Public API rule lists: <c>rules[]</c> with <c>type</c>, <c>key</c>, <c>version</c> and a wrapped <c>jsonSchema</c>
    /// (<c>properties.properties</c>, <c>properties.traits</c>, <c>properties.context</c>).</item>
    /// </list>
    /// Every key is mapped or reported in <see cref="ImportedPlan.NotMapped"/> with its JSON path.
    /// </summary>
    internal static class SegmentPlanReader
    {
        public const string TypewriterV7 = "Typewriter v7 / Config API plan.json";
        public const string TypewriterLocal = "Typewriter local plan (events at the top level)";
        public const string TypewriterV8 = "Typewriter v8/v9 plan.json";
        public const string PublicApi = "Segment Public API rule list";

        // Plan-level keys that describe the plan object itself (ids, timestamps, workspace), not the data.
        private static readonly HashSet<string> PlanMetadata = new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "slug", "type", "name", "display_name", "displayName", "description", "workspaceId", "workspace_id",
            "createdAt", "updatedAt", "create_time", "update_time", "resourceSeqId", "version",
        };

        private static readonly HashSet<string> RuleMetadata = new HashSet<string>(StringComparer.Ordinal)
        {
            "type", "key", "version", "jsonSchema", "json_schema", "createdAt", "updatedAt", "deprecatedAt", "labels", "description",
        };

        public static ImportedPlan Read(string json, string path)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            }
            catch (JsonException ex)
            {
                throw CliException.Input($"{path}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): not valid JSON: {FirstSentence(ex.Message)}");
            }

            using (document)
            {
                var (root, prefix) = Unwrap(document.RootElement);
                var rules = Json.Property(root, "rules");
                ImportedPlan plan;
                if (rules is { ValueKind: JsonValueKind.Array } list)
                {
                    bool unwrapped = list.EnumerateArray().Any(r => Json.Property(SchemaOf(r) ?? default, "eventMetadata") != null);
                    plan = new ImportedPlan(unwrapped ? TypewriterV8 : PublicApi);
                    new RuleListReader(plan, unwrapped).Read(list, JsonPath.Member(prefix, "rules"));
                }
                else if (rules is { ValueKind: JsonValueKind.Object } v7 && Json.Property(v7, "events") != null)
                {
                    plan = new ImportedPlan(TypewriterV7);
                    new EventListReader(plan).Read(v7, JsonPath.Member(prefix, "rules"));
                }
                else if (rules is null && Json.Property(root, "events") is { ValueKind: JsonValueKind.Array })
                {
                    plan = new ImportedPlan(TypewriterLocal);
                    new EventListReader(plan).Read(root, prefix);
                }
                else
                {
                    throw CliException.Input(
                        $"{path}: not a Segment tracking plan layout RipeTyped knows. Expected Typewriter's plan.json (\"rules\": {{\"events\": [...]}} " +
                        "or \"rules\": [{\"key\", \"type\", \"jsonSchema\"}]), a Public API rule list, or a top-level \"events\" list; " +
                        $"found {Describe(root)}. Nor is it a RudderStack API plan (\"events\" whose entries have \"eventType\") or a Snowplow Iglu schema (a \"self\" block).");
                }

                plan.Title = Json.String(root, "display_name") ?? Json.String(root, "displayName") ?? Json.String(root, "name");
                ReportUnknownKeys(plan, root, prefix, PlanMetadata, "rules", "events", "identify_traits", "group_traits");
                NamingDetector.Detect(plan);
                return plan;
            }
        }

        /// <summary>Public API responses wrap the plan: <c>{"data": {"trackingPlan": ...}}</c>, <c>{"data": {"rules": [...]}}</c>.</summary>
        private static (JsonElement Root, string Prefix) Unwrap(JsonElement root)
        {
            string prefix = "";
            foreach (string wrapper in new[] { "data", "tracking_plan", "trackingPlan" })
            {
                if (Json.Property(root, wrapper) is { ValueKind: JsonValueKind.Object } inner && Json.Property(root, "rules") is null && Json.Property(root, "events") is null)
                {
                    root = inner;
                    prefix = JsonPath.Member(prefix, wrapper);
                }
            }

            return (root, prefix);
        }

        internal static JsonElement? SchemaOf(JsonElement rule) => Json.Property(rule, "jsonSchema") ?? Json.Property(rule, "json_schema");

        internal static void ReportUnknownKeys(ImportedPlan plan, JsonElement element, string path, HashSet<string> known, params string[] handled)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var member in element.EnumerateObject())
            {
                if (!known.Contains(member.Name) && Array.IndexOf(handled, member.Name) < 0)
                {
                    plan.Drop(JsonPath.Member(path, member.Name), $"'{member.Name}' is not mapped", JsonSchemaReader.CountProperties(member.Value));
                }
            }
        }

        /// <summary>
        /// Segment labels (<c>{"team": "growth"}</c>, or a list) as tags: <c>team:growth</c>; a label keyed <c>source</c> (or
        /// <c>sources</c>, comma-separated) names the sources that implement the call instead.
        /// </summary>
        private static void AddLabel(ImportedCall call, string key, string? value)
        {
            if (!string.IsNullOrEmpty(value) && (key.Equals("source", StringComparison.OrdinalIgnoreCase) || key.Equals("sources", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (string source in value!.Split(','))
                {
                    call.AddSource(source);
                }

                return;
            }

            call.Tags.Add(string.IsNullOrEmpty(value) ? key : key + ":" + value);
        }

        internal static void ReadLabels(ImportedPlan plan, JsonElement? labels, ImportedCall call, string path)
        {
            switch (labels)
            {
                case null:
                case { ValueKind: JsonValueKind.Null }:
                    return;
                case { ValueKind: JsonValueKind.Object } map:
                    foreach (var label in map.EnumerateObject())
                    {
                        string? value = label.Value.ValueKind == JsonValueKind.String ? label.Value.GetString() : label.Value.GetRawText();
                        AddLabel(call, label.Name, value);
                    }

                    return;
                case { ValueKind: JsonValueKind.Array } list:
                    int index = 0;
                    foreach (var item in list.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String)
                        {
                            call.Tags.Add(item.GetString()!);
                        }
                        else if (Json.String(item, "key") is { } key)
                        {
                            AddLabel(call, key, Json.String(item, "value"));
                        }
                        else
                        {
                            plan.Report(JsonPath.Index(path, index), "label is neither text nor {key, value}; not mapped");
                        }

                        index++;
                    }

                    return;
                default:
                    plan.Report(path, "labels are neither an object nor a list; not mapped");
                    return;
            }
        }

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "an object with " + (element.EnumerateObject().Any() ? string.Join(", ", element.EnumerateObject().Take(8).Select(p => "\"" + p.Name + "\"")) : "no keys"),
            JsonValueKind.Array => "a list",
            _ => element.ValueKind.ToString().ToLowerInvariant(),
        };

        internal static string FirstSentence(string message)
        {
            int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return cut > 0 ? message.Substring(0, cut) : message;
        }
    }
}
