using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>
    /// A tracking plan's rules: each <c>event_rule</c> names an event (legacy <c>event: {$ref, allow_unplanned}</c>, v1
    /// <c>event: "#event:id"</c> and <c>additionalProperties</c>) and lists its properties and variants. Track events become
    /// plan events, identify and group their traits; page and screen rules and a second rule for one event are reported.
    /// </summary>
    internal sealed class RudderRuleReader
    {
        private static readonly HashSet<string> RuleKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "type", "id", "event", "properties", "variants", "additionalProperties", "additional_properties", "identity_section", "includes",
        };

        private readonly ImportedPlan _plan;
        private readonly RudderNotes _notes;
        private readonly RudderCatalog _catalog;
        private readonly HashSet<string> _collided;
        private readonly RudderPropertyReader _properties;
        private readonly RudderVariantReader _variants;
        private readonly Dictionary<string, string> _imported = new Dictionary<string, string>(StringComparer.Ordinal);

        public RudderRuleReader(ImportedPlan plan, RudderNotes notes, RudderCatalog catalog, HashSet<string> collided)
        {
            _plan = plan;
            _notes = notes;
            _catalog = catalog;
            _collided = collided;
            _properties = new RudderPropertyReader(notes, catalog);
            _variants = new RudderVariantReader(_properties, catalog);
        }

        /// <summary>The ids of the events a rule has imported.</summary>
        public ICollection<string> Imported => _imported.Keys;

        public void ReadPlan(RudderSpec spec)
        {
            if (Json.Property(spec.Spec, "rules") is not { ValueKind: JsonValueKind.Array } rules)
            {
                return;
            }

            int index = 0;
            foreach (var rule in rules.EnumerateArray())
            {
                ReadRule(rule, JsonPath.Index(JsonPath.Member(spec.Path, "rules"), index++), spec.IsV1);
            }
        }

        public void AddCategory(ImportedCall call, RudderEntry e)
        {
            var category = Json.Property(e.Value, "category");
            string? reference = category?.ValueKind == JsonValueKind.String ? category.Value.GetString() : category is { } c ? Json.String(c, "$ref") : null;
            if (_catalog.Resolve(reference, "categories") is { } found)
            {
                call.Tags.Add("category:" + (Json.String(found.Value, "name") ?? found.Id));
            }
            else if (reference != null)
            {
                _notes.Note(JsonPath.Member(e.Path, "category"), $"'{reference}' is not a category of the project; not mapped");
            }
        }

        private void ReadRule(JsonElement rule, string path, bool v1)
        {
            var eventField = Json.Property(rule, "event");
            string? reference = eventField?.ValueKind == JsonValueKind.String ? eventField.Value.GetString() : eventField is { } e ? Json.String(e, "$ref") : null;
            var entry = _catalog.Resolve(reference, "events");
            string type = entry is null ? "" : Json.String(entry.Value, "event_type") ?? "track";
            string? why = Json.String(rule, "type") is { } ruleType && ruleType != "event_rule" ? $"rule of type '{ruleType}' is not mapped"
                : entry is null ? $"'{reference ?? "(no event)"}' is not an event of the project; the rule is not imported"
                : entry.Id is var id && _collided.Contains(id) ? $"its event '{id}' is not imported (its name is another event's)"
                : type == "track" && _imported.TryGetValue(entry.Id, out string? first) ? $"event '{entry.Id}' already has a rule ({first}); only the first is imported"
                : type is "page" or "screen" ? $"{type} rules are not mapped (a RudderStack {type} event names no page a typed method could)"
                : type is not ("track" or "identify" or "group") ? $"event type '{type}' is not mapped"
                : null;
            if (Json.Property(rule, "includes") is { } includes && includes.ValueKind != JsonValueKind.Null)
            {
                _notes.Note(JsonPath.Member(path, "includes"), "includes of other plans' rules are not mapped");
            }

            if (why != null)
            {
                _plan.Drop(path, why, _properties.Counts.List(Json.Property(rule, "properties")) + _properties.Counts.Variants(Json.Property(rule, "variants"), 0));
                return;
            }

            var call = Call(entry!, type, path);
            bool? open = (v1 ? Json.Property(rule, "additionalProperties") ?? Json.Property(rule, "additional_properties") : eventField is { } ev ? Json.Property(ev, "allow_unplanned") : null)?.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
            call.AdditionalProperties |= open ?? false;
            _properties.ReadList(Json.Property(rule, "properties"), call.Properties, JsonPath.Member(path, "properties"), 0);
            _variants.Read(Json.Property(rule, "variants"), call, JsonPath.Member(path, "variants"));
            foreach (var member in rule.EnumerateObject().Where(m => !RuleKeys.Contains(m.Name)))
            {
                _notes.Note(JsonPath.Member(path, member.Name), $"'{member.Name}' is not mapped");
            }
        }

        private ImportedCall Call(RudderEntry e, string type, string path)
        {
            switch (type)
            {
                case "identify":
                    return _plan.Identify ??= new ImportedCall("identify");
                case "group":
                    return _plan.Group ??= new ImportedCall("group");
                default:
                    _imported[e.Id] = path;
                    var call = _plan.AddEvent(Json.String(e.Value, "name") ?? e.Id);
                    call.Description = Json.NonEmpty(Json.String(e.Value, "description"));
                    AddCategory(call, e);
                    return call;
            }
        }
    }
}
