using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>
    /// A <c>rudder-cli</c> project (docs/import.md): spec files of kinds properties, events, custom-types, categories and
    /// tracking plans (<c>tp</c> in rudder/v0.1, <c>tracking-plan</c> in rudder/v1), references across files. The catalog
    /// is read first; then every rule of every tracking plan; then the track events no rule uses.
    /// </summary>
    internal sealed class RudderProjectReader
    {
        public const string Layout = "rudder-cli project (rudder/v0.1, rudder/v1)";

        private static readonly Dictionary<string, string> CatalogLists = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["properties"] = "properties", ["events"] = "events", ["custom-types"] = "types", ["categories"] = "categories",
        };

        private readonly ImportedPlan _plan = new ImportedPlan(Layout);
        private readonly RudderCatalog _catalog = new RudderCatalog();
        private readonly RudderNotes _notes;
        private readonly HashSet<string> _collided = new HashSet<string>(StringComparer.Ordinal);

        private RudderProjectReader() => _notes = new RudderNotes(_plan);

        public static ImportedPlan Read(IReadOnlyList<(ImportFile File, JsonElement Root)> documents)
        {
            var reader = new RudderProjectReader();
            var specs = new List<RudderSpec>();
            foreach (var (file, root) in documents)
            {
                if (RudderSpec.TryRead(file.Name, root) is { } spec)
                {
                    specs.Add(spec);
                }
                else
                {
                    reader._plan.Report(file.Name, "not a rudder-cli spec (no 'version: rudder/…' and 'kind'); ignored");
                }
            }

            if (specs.Count == 0)
            {
                throw CliException.Input($"{string.Join(", ", documents.Select(d => d.File.Name).Take(3))}: no rudder-cli spec (a YAML file with 'version: rudder/v1' or 'rudder/v0.1' and a 'kind').");
            }

            foreach (var spec in specs)
            {
                reader.AddToCatalog(spec);
            }

            var rules = new RudderRuleReader(reader._plan, reader._notes, reader._catalog, reader._collided);
            foreach (var spec in specs.Where(s => s.Kind is "tp" or "tracking-plan"))
            {
                reader._plan.Title ??= Json.String(spec.Spec, "display_name");
                rules.ReadPlan(spec);
            }

            foreach (var unused in reader._catalog.All("events").Where(e => IsTrack(e) && !rules.Imported.Contains(e.Id) && !reader._collided.Contains(e.Id)))
            {
                var call = reader._plan.AddEvent(Json.String(unused.Value, "name") ?? unused.Id);
                call.Description = Json.NonEmpty(Json.String(unused.Value, "description"));
                call.AdditionalProperties = true;
                rules.AddCategory(call, unused);
                reader._plan.Report(unused.Path, "in no tracking plan rule; imported with open properties (any)");
            }

            NamingDetector.Detect(reader._plan);
            return reader._plan;
        }

        public static bool IsTrack(RudderEntry e) => (Json.String(e.Value, "event_type") ?? "track") == "track";

        private void AddToCatalog(RudderSpec spec)
        {
            if (spec.Kind is "tp" or "tracking-plan")
            {
                return;
            }

            if (!CatalogLists.TryGetValue(spec.Kind, out string? listName))
            {
                _plan.Report(spec.Path, $"kind '{spec.Kind}' holds no tracking plan data; ignored");
                return;
            }

            if (Json.Property(spec.Spec, listName) is not { ValueKind: JsonValueKind.Array } list)
            {
                _plan.Report(JsonPath.Member(spec.Path, listName), "is not a list; ignored");
                return;
            }

            var names = _catalog.All("events").Where(e => IsTrack(e) && !_collided.Contains(e.Id)).ToDictionary(e => Json.String(e.Value, "name") ?? e.Id, e => e, StringComparer.Ordinal);
            int index = 0;
            foreach (var item in list.EnumerateArray())
            {
                string path = JsonPath.Index(JsonPath.Member(spec.Path, listName), index++);
                string? id = Json.String(item, "id");
                var entry = new RudderEntry(id ?? "", item, path, spec);
                bool isEvent = spec.Kind == "events" && IsTrack(entry);
                string? name = isEvent ? Json.String(item, "name") ?? id : null;
                string? why = id is null ? "has no id; no reference can reach it"
                    : _catalog.Add(spec.Kind, entry) is { } first ? $"id '{id}' is already defined at {first.Path}; the first one is kept"
                    : name != null && names.TryGetValue(name, out var same) ? $"event name '{name}' is already the name of id '{same.Id}' ({same.Path}), and a plan's event names are unique; the first one is kept"
                    : null;
                if (why is null)
                {
                    if (name != null)
                    {
                        names[name] = entry;
                    }

                    continue;
                }

                if (isEvent)
                {
                    if (id != null && why.StartsWith("event name", StringComparison.Ordinal))
                    {
                        _collided.Add(id); // its rules are reported, not merged into the first event's
                    }

                    _plan.DropEvent(path, why, 0);
                }
                else
                {
                    _plan.Report(path, why);
                }
            }
        }
    }
}
