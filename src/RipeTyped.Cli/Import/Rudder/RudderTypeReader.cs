using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>
    /// A catalog property's or custom type's type onto a plan property: primitive types, <c>null</c> among several types
    /// (nullable), custom types (followed, their members read), array item types and the config's constraints.
    /// </summary>
    internal sealed class RudderTypeReader
    {
        private const int MaxDepth = 16;

        private static readonly HashSet<string> CustomTypeKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "name", "description", "type", "types", "item_type", "item_types", "config", "properties", "variants",
        };

        private readonly RudderNotes _notes;
        private readonly RudderCatalog _catalog;
        private readonly RudderPropertyReader _properties;

        public RudderTypeReader(RudderNotes notes, RudderCatalog catalog, RudderPropertyReader properties)
        {
            _notes = notes;
            _catalog = catalog;
            _properties = properties;
        }

        public void Apply(ImportedProperty property, RudderEntry entry, int depth)
        {
            var types = RudderLists.Types(entry);
            property.Nullable = types.Remove("null") || property.Nullable;
            string typePath = JsonPath.Member(entry.Path, Json.Property(entry.Value, "types") != null ? "types" : "type");
            if (types.Count > 1)
            {
                _notes.Note(typePath, $"several types ({string.Join(", ", types)}); imported as any");
                property.Type = "any";
                DropMembers(typePath, "members of its custom types are not imported (several types)", types.Concat(RudderLists.ItemTypes(entry)), depth);
                return;
            }

            string? type = types.FirstOrDefault();
            if (type != null && type.StartsWith("#", StringComparison.Ordinal))
            {
                ApplyCustomType(property, type, typePath, depth);
            }
            else
            {
                property.Type = Primitive(type, typePath);
            }

            var itemTypes = RudderLists.ItemTypes(entry);
            if (property.Type == "array" && (itemTypes.Count > 0 || property.Items is null))
            {
                property.Items = Items(itemTypes, JsonPath.Member(entry.Path, "item_types"), depth);
            }
            else if (property.Type != "array" && itemTypes.Count > 0)
            {
                _notes.Note(JsonPath.Member(entry.Path, "item_types"), $"item types on a property of type {property.Type} are not mapped");
                DropMembers(JsonPath.Member(entry.Path, "item_types"), "members of the item custom types are not imported (not an array)", itemTypes, depth);
            }

            if (RudderLists.Config(entry) is { ValueKind: JsonValueKind.Object } config)
            {
                new RudderConfig(_notes, JsonPath.Member(entry.Path, Json.Property(entry.Value, "config") != null ? "config" : "propConfig")).Apply(property, config);
            }
        }

        /// <summary>Reports the members custom types would have brought, when they are not imported.</summary>
        private void DropMembers(string path, string what, IEnumerable<string> types, int depth)
        {
            int lost = types.Where(t => t.StartsWith("#", StringComparison.Ordinal)).Sum(t => _properties.Counts.CustomType(_catalog.Resolve(t, "custom-types"), depth));
            if (lost > 0)
            {
                _notes.Plan.Drop(path, what, lost);
            }
        }

        private void ApplyCustomType(ImportedProperty property, string reference, string path, int depth)
        {
            var custom = _catalog.Resolve(reference, "custom-types");
            if (custom is null || depth >= MaxDepth)
            {
                _notes.Note(path, custom is null ? $"'{reference}' is not a custom type of the project; imported as any" : "custom types nest deeper than 16 levels; imported as any");
                property.Type = "any";
                return;
            }

            property.Description ??= Json.NonEmpty(Json.String(custom.Value, "description"));
            Apply(property, custom, depth + 1);
            if (Json.Property(custom.Value, "properties") is { } members)
            {
                property.Type = "object";
                _properties.ReadList(members, property.Properties, JsonPath.Member(custom.Path, "properties"), depth + 1);
            }

            if (Json.Property(custom.Value, "variants") is { ValueKind: JsonValueKind.Array } variants && variants.GetArrayLength() > 0)
            {
                _notes.Plan.Drop(JsonPath.Member(custom.Path, "variants"),
                    "variants of a custom type are not mapped (plan variants are events'); the common properties are imported", _properties.Counts.Variants(variants, depth + 1));
            }

            foreach (var member in custom.Value.EnumerateObject().Where(m => !CustomTypeKeys.Contains(m.Name)))
            {
                _notes.Note(JsonPath.Member(custom.Path, member.Name), $"'{member.Name}' is not mapped");
            }
        }

        private ImportedProperty Items(List<string> itemTypes, string path, int depth)
        {
            var items = new ImportedProperty("items");
            items.Nullable = itemTypes.Remove("null");
            if (itemTypes.Count > 1)
            {
                _notes.Note(path, $"several item types ({string.Join(", ", itemTypes)}); items imported as any");
                DropMembers(path, "members of the item custom types are not imported (several item types)", itemTypes, depth);
            }
            else if (itemTypes.Count == 1 && itemTypes[0].StartsWith("#", StringComparison.Ordinal))
            {
                ApplyCustomType(items, itemTypes[0], path, depth);
            }
            else if (itemTypes.Count == 1)
            {
                items.Type = Primitive(itemTypes[0], path);
            }

            return items;
        }

        private string Primitive(string? type, string path)
        {
            switch (type)
            {
                case null:
                    return "any"; // no type: RudderStack accepts any value
                case "string" or "integer" or "number" or "boolean" or "array" or "object":
                    return type;
                case "null":
                    _notes.Note(path, "a property that can only be null is imported as a nullable any");
                    return "any";
                default:
                    _notes.Note(path, $"'{type}' is not a RudderStack type; imported as any");
                    return "any";
            }
        }
    }
}
