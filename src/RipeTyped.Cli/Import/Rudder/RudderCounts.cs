using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>
    /// How many properties a part of a rule holds once its references are followed: each listed property, its nested
    /// properties and the members of the custom types it uses (their variants' too). What a left-out part costs.
    /// </summary>
    internal sealed class RudderCounts
    {
        private const int MaxDepth = 16;

        private readonly RudderCatalog _catalog;

        public RudderCounts(RudderCatalog catalog) => _catalog = catalog;

        /// <summary>A list of property references (<c>$ref</c> or <c>property</c>) with what each one holds.</summary>
        public int List(JsonElement? list, int depth = 0) =>
            list is { ValueKind: JsonValueKind.Array } items && depth < MaxDepth ? items.EnumerateArray().Sum(item => Usage(item, depth)) : 0;

        /// <summary>One listed property: itself, its nested list and what its type brings.</summary>
        public int Usage(JsonElement item, int depth) =>
            1 + List(Json.Property(item, "properties"), depth + 1) + TypeMembers(_catalog.Resolve(RudderLists.Reference(item), "properties"), depth + 1);

        /// <summary>The members a property's custom types bring (as its own type or its item type).</summary>
        public int TypeMembers(RudderEntry? property, int depth) =>
            property is null || depth >= MaxDepth ? 0 : RudderLists.TypeNames(property).Sum(t => CustomType(_catalog.Resolve(t, "custom-types"), depth));

        /// <summary>Variants of a rule or custom type: each case's list and the default list.</summary>
        public int Variants(JsonElement? variants, int depth) =>
            variants is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().Sum(v => Variant(v, depth)) : 0;

        /// <summary>One discriminator: each case's list and the default list.</summary>
        public int Variant(JsonElement variant, int depth) =>
            (Json.Property(variant, "cases") is { ValueKind: JsonValueKind.Array } cases ? cases.EnumerateArray().Sum(c => List(Json.Property(c, "properties"), depth)) : 0)
            + List(RudderLists.DefaultList(variant), depth);

        /// <summary>The members a custom type brings: its listed properties, its variants' and those of the types it uses.</summary>
        public int CustomType(RudderEntry? type, int depth) =>
            type is null || depth >= MaxDepth ? 0
                : List(Json.Property(type.Value, "properties"), depth + 1) + Variants(Json.Property(type.Value, "variants"), depth + 1)
                    + RudderLists.TypeNames(type).Sum(t => CustomType(_catalog.Resolve(t, "custom-types"), depth + 1));
    }

    /// <summary>Where each spec version keeps the parts of a listed property or type.</summary>
    internal static class RudderLists
    {
        /// <summary>A listed property's reference: legacy <c>$ref</c>, v1 <c>property</c>.</summary>
        public static string? Reference(JsonElement item) => Json.String(item, "$ref") ?? Json.String(item, "property");

        /// <summary>A discriminator's default properties: a list (legacy) or <c>{properties: [...]}</c> (v1).</summary>
        public static JsonElement? DefaultList(JsonElement variant) =>
            Json.Property(variant, "default") is { } value ? value.ValueKind == JsonValueKind.Array ? value : Json.Property(value, "properties") : null;

        /// <summary>A property's or custom type's config: <c>propConfig</c> on legacy properties, <c>config</c> elsewhere.</summary>
        public static JsonElement? Config(RudderEntry entry) => Json.Property(entry.Value, "config") ?? Json.Property(entry.Value, "propConfig");

        /// <summary>
        /// The type names of a property or custom type: <c>type</c> (legacy: comma-separated), v1 <c>types</c>, and the
        /// item types (<c>item_type</c>, <c>item_types</c>, or the config's <c>itemTypes</c>/<c>item_types</c>).
        /// </summary>
        public static IEnumerable<string> TypeNames(RudderEntry entry) => Types(entry).Concat(ItemTypes(entry));

        public static List<string> Types(RudderEntry entry)
        {
            var types = Strings(Json.Property(entry.Value, "types"));
            if (Json.String(entry.Value, "type") is { } type)
            {
                types.AddRange(type.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0));
            }

            return types;
        }

        public static List<string> ItemTypes(RudderEntry entry)
        {
            var types = Strings(Json.Property(entry.Value, "item_types"));
            if (Json.String(entry.Value, "item_type") is { } single)
            {
                types.Add(single);
            }

            if (Config(entry) is { } config)
            {
                types.AddRange(Strings(Json.Property(config, "itemTypes") ?? Json.Property(config, "item_types")));
            }

            return types;
        }

        private static List<string> Strings(JsonElement? list) =>
            list is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList() : new List<string>();
    }
}
