using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>
    /// Lists of property references (a rule's, a custom type's, a variant case's) into plan properties: each reference
    /// followed into the catalog, its type, config and custom type applied, its nested list read as members.
    /// </summary>
    internal sealed class RudderPropertyReader
    {
        private const int MaxDepth = 16;

        private static readonly HashSet<string> ListedKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "$ref", "property", "required", "properties", "additionalProperties", "additional_properties", "allow_unplanned",
        };

        private static readonly HashSet<string> PropertyKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "name", "description", "type", "types", "item_type", "item_types", "config", "propConfig",
        };

        private readonly RudderNotes _notes;
        private readonly RudderCatalog _catalog;
        private readonly RudderCounts _counts;
        private readonly RudderTypeReader _types;

        public RudderPropertyReader(RudderNotes notes, RudderCatalog catalog)
        {
            _notes = notes;
            _catalog = catalog;
            _counts = new RudderCounts(catalog);
            _types = new RudderTypeReader(notes, catalog, this);
        }

        public ImportedPlan Plan => _notes.Plan;

        public RudderCounts Counts => _counts;

        /// <summary>Reads a list of references into <paramref name="into"/>; a name listed twice keeps its first entry.</summary>
        public void ReadList(JsonElement? list, List<ImportedProperty> into, string path, int depth)
        {
            if (list is null || list.Value.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            if (list.Value.ValueKind != JsonValueKind.Array)
            {
                _notes.Note(path, "is not a list of property references; ignored");
                return;
            }

            int index = 0;
            foreach (var item in list.Value.EnumerateArray())
            {
                string at = JsonPath.Index(path, index++);
                if (Read(item, at, depth) is { } property)
                {
                    if (into.Any(p => p.Name == property.Name))
                    {
                        Plan.Report(at, $"'{property.Name}' is listed twice in one object; the first is kept", ImportedProperty.Count(new[] { property }));
                        continue;
                    }

                    into.Add(property);
                }
            }
        }

        private ImportedProperty? Read(JsonElement item, string path, int depth)
        {
            string? reference = RudderLists.Reference(item);
            var entry = _catalog.Resolve(reference, "properties");
            if (entry is null || depth >= MaxDepth)
            {
                Plan.Drop(path, entry is null
                    ? $"'{reference ?? "(no $ref or property)"}' is not a property of the project; not imported"
                    : "properties nest deeper than 16 levels (a custom type that contains itself?); not imported", _counts.Usage(item, depth));
                return null;
            }

            Plan.PropertiesRead++;
            var property = ReadEntry(entry, depth);
            property.Required = Json.Property(item, "required") is { ValueKind: JsonValueKind.True };
            bool? open = (Json.Property(item, "additionalProperties") ?? Json.Property(item, "additional_properties") ?? Json.Property(item, "allow_unplanned"))?.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
            ReadNested(property, Json.Property(item, "properties"), JsonPath.Member(path, "properties"), depth, open);
            foreach (var member in item.EnumerateObject().Where(m => !ListedKeys.Contains(m.Name)))
            {
                _notes.Note(JsonPath.Member(path, member.Name), $"'{member.Name}' is not mapped");
            }

            return property;
        }

        /// <summary>A catalog property (or a custom type's) as a plan property named by its wire name.</summary>
        private ImportedProperty ReadEntry(RudderEntry entry, int depth)
        {
            var property = new ImportedProperty(Json.String(entry.Value, "name") ?? entry.Id)
            {
                Description = Json.NonEmpty(Json.String(entry.Value, "description")),
            };
            _types.Apply(property, entry, depth);
            foreach (var member in entry.Value.EnumerateObject().Where(m => !PropertyKeys.Contains(m.Name)))
            {
                _notes.Note(JsonPath.Member(entry.Path, member.Name), $"'{member.Name}' is not mapped");
            }

            return property;
        }

        /// <summary>A rule's nested list: the members of an object property, or of an array's object items.</summary>
        private void ReadNested(ImportedProperty property, JsonElement? nested, string path, int depth, bool? open)
        {
            var target = property.Type == "object" ? property : property.Type == "array" && property.Items is { } items && items.Type is "object" or "any" ? items : null;
            if (target is null)
            {
                if (nested is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0)
                {
                    Plan.Drop(path, $"nested properties under a property of type {property.Type} are not mapped", _counts.List(nested, depth + 1));
                }

                return;
            }

            if (nested is { ValueKind: JsonValueKind.Array } members && members.GetArrayLength() > 0)
            {
                target.Type = "object";
                ReadList(nested, target.Properties, path, depth + 1);
                target.AdditionalProperties = open ?? false;
            }
            else
            {
                // An object without listed members accepts any (RudderStack's and Segment's meaning).
                target.AdditionalProperties = target.Type == "object" && (open ?? target.Properties.Count == 0 || target.AdditionalProperties);
            }
        }
    }
}
