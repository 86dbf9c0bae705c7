using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// Typewriter v7 / Config API <c>plan.json</c> (<c>rules.events[]</c>, <c>rules.identify</c>, <c>rules.group</c>) and
    /// Typewriter's older local plans, which hold the same lists at the top level.
    /// </summary>
    internal sealed class EventListReader
    {
        private static readonly HashSet<string> EventKeys = new HashSet<string>(StringComparer.Ordinal) { "name", "description", "rules", "version", "labels", "id", "createdAt", "updatedAt" };

        private readonly ImportedPlan _plan;
        private readonly WrappedSchema _schemas;

        public EventListReader(ImportedPlan plan)
        {
            _plan = plan;
            _schemas = new WrappedSchema(plan);
        }

        public void Read(JsonElement container, string path)
        {
            if (Json.Property(container, "events") is { } events)
            {
                ReadEvents(events, JsonPath.Member(path, "events"));
            }

            foreach (string section in new[] { "identify", "group" })
            {
                if (Json.Property(container, section) is { ValueKind: JsonValueKind.Object } rules)
                {
                    var call = new ImportedCall(section);
                    _schemas.Read(rules, "traits", call, JsonPath.Member(path, section));
                    if (section == "identify")
                    {
                        _plan.Identify = call;
                    }
                    else
                    {
                        _plan.Group = call;
                    }
                }
            }

            foreach (string legacy in new[] { "identify_traits", "group_traits", "global" })
            {
                if (Json.Property(container, legacy) is { } value && !Json.IsEmpty(value))
                {
                    _plan.Drop(JsonPath.Member(path, legacy), "not mapped (RipeTyped has no global or legacy trait lists); move them into identify/group traits by hand",
                        JsonSchemaReader.CountCallProperties(value));
                }
            }

            if (path.Length > 0)
            {
                // Inside "rules": everything but the lists read above is unknown. At the top level the plan's own keys are checked by the caller.
                SegmentPlanReader.ReportUnknownKeys(_plan, container, path, new HashSet<string>(StringComparer.Ordinal), "events", "identify", "group", "identify_traits", "group_traits", "global");
            }
        }

        private void ReadEvents(JsonElement events, string path)
        {
            if (events.ValueKind != JsonValueKind.Array)
            {
                _plan.Drop(path, "is not a list; no events imported", JsonSchemaReader.CountProperties(events));
                return;
            }

            var list = events.EnumerateArray().ToList();
            var newest = Versions.Newest(list.Select((e, i) => (Json.String(e, "name") ?? "", Version(e), i)).ToList());
            for (int i = 0; i < list.Count; i++)
            {
                var e = list[i];
                string at = JsonPath.Index(path, i);
                string? name = Json.String(e, "name");
                if (string.IsNullOrWhiteSpace(name))
                {
                    _plan.DropEvent(at, "event without a name; skipped", JsonSchemaReader.CountCallProperties(e));
                    continue;
                }

                if (newest[name!] != i)
                {
                    _plan.DropEvent(at, Versions.NotNewest(name!, Version(e), Version(list[newest[name!]]), JsonPath.Index(path, newest[name!])), JsonSchemaReader.CountCallProperties(e));
                    continue;
                }

                var call = _plan.AddEvent(name!);
                call.Description = Json.NonEmpty(Json.String(e, "description"));
                SegmentPlanReader.ReadLabels(_plan, Json.Property(e, "labels"), call, JsonPath.Member(at, "labels"));
                if (Json.Property(e, "rules") is { } rules && !Json.IsEmpty(rules))
                {
                    _schemas.Read(rules, "properties", call, JsonPath.Member(at, "rules"));
                }
                else
                {
                    call.AdditionalProperties = true; // no rules at all: Segment accepts any properties
                }

                SegmentPlanReader.ReportUnknownKeys(_plan, e, at, EventKeys);
            }
        }

        private static long Version(JsonElement e) => Json.Property(e, "version") is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out long n) ? n : 0;
    }

    /// <summary>Segment keeps every version of an event; a RipeTyped plan describes the current one.</summary>
    internal static class Versions
    {
        /// <summary>For each name, the index of its newest version (the last one listed among equal versions).</summary>
        public static Dictionary<string, int> Newest(IReadOnlyList<(string Name, long Version, int Index)> items)
        {
            var newest = new Dictionary<string, (long Version, int Index)>(StringComparer.Ordinal);
            foreach (var (name, version, index) in items)
            {
                if (!newest.TryGetValue(name, out var best) || version >= best.Version)
                {
                    newest[name] = (version, index);
                }
            }

            return newest.ToDictionary(p => p.Key, p => p.Value.Index, StringComparer.Ordinal);
        }

        /// <summary>Why an entry is left out: an older version, or the same name and version again (the last one wins).</summary>
        public static string NotNewest(string name, long version, long kept, string keptPath) => version == kept
            ? $"'{name}' again with the same version {version.ToString(CultureInfo.InvariantCulture)} (a name collision); only the last one, {keptPath}, is imported"
            : $"version {version.ToString(CultureInfo.InvariantCulture)} of '{name}' is not the newest; only the newest version ({keptPath}) is imported";
    }
}
