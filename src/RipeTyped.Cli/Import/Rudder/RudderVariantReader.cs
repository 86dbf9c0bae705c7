using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RipeTyped.Generator.Naming;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>
    /// A rule's discriminator (<c>variants: [{type: discriminator, discriminator, cases, default}]</c>) as plan variants:
    /// each case one variant (display name → <c>csharpName</c>, match values → <c>when</c>, its properties its own), the
    /// default properties a variant <c>Default</c> that no value selects.
    /// </summary>
    internal sealed class RudderVariantReader
    {
        private readonly RudderPropertyReader _properties;
        private readonly RudderCatalog _catalog;

        public RudderVariantReader(RudderPropertyReader properties, RudderCatalog catalog)
        {
            _properties = properties;
            _catalog = catalog;
        }

        private ImportedPlan Plan => _properties.Plan;

        public void Read(JsonElement? variants, ImportedCall call, string path)
        {
            if (variants is not { ValueKind: JsonValueKind.Array } list)
            {
                return;
            }

            int index = 0;
            foreach (var variant in list.EnumerateArray())
            {
                string at = JsonPath.Index(path, index++);
                string? discriminator = Json.String(variant, "discriminator");
                string? property = _catalog.Resolve(discriminator, "properties") is { } entry ? Json.String(entry.Value, "name") ?? entry.Id : null;
                var common = call.Properties.FirstOrDefault(p => p.Name == property);
                string? why = Json.String(variant, "type") != "discriminator" ? $"variants of type '{Json.String(variant, "type")}' are not mapped (only discriminators are)"
                    : property is null ? $"the discriminator '{discriminator}' is not a property of the project; the variants are not mapped"
                    : common is null ? $"the discriminator '{property}' is not one of the event's properties; the variants are not mapped"
                    : !RudderMatchValues.CanSelect(common) ? $"the discriminator '{property}' is of type {common.Type}, which selects no variant (enum, string, integer, number or boolean do); the variants are not mapped"
                    : call.Variants.Count > 0 ? "only one discriminator per event is mapped" : null;
                if (why != null)
                {
                    Plan.Drop(at, why, _properties.Counts.Variant(variant, 0));
                    continue;
                }

                ReadCases(variant, common!, call, at);
            }
        }

        private void ReadCases(JsonElement variant, ImportedProperty discriminator, ImportedCall call, string path)
        {
            var matches = new RudderMatchValues(Plan, discriminator);
            int index = 0;
            foreach (var @case in Json.Property(variant, "cases") is { ValueKind: JsonValueKind.Array } cases ? cases.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                string at = JsonPath.Index(JsonPath.Member(path, "cases"), index++);
                var result = Add(call, Json.String(@case, "display_name") ?? $"Case {index}", JsonPath.Member(at, "properties"), Json.Property(@case, "properties"));
                result.Description = Json.NonEmpty(Json.String(@case, "description"));
                result.WhenProperty = discriminator.Name;
                matches.Read(Json.Property(@case, "match"), result, JsonPath.Member(at, "match"));
            }

            if (RudderLists.DefaultList(variant) is { ValueKind: JsonValueKind.Array } defaults && defaults.GetArrayLength() > 0)
            {
                var fallback = Add(call, "Default", JsonPath.Member(path, "default"), defaults);
                fallback.Description = $"When '{discriminator.Name}' matches no case.";
            }
        }

        /// <summary>A variant with a unique C# suffix and its own properties; a property the event already has stays common.</summary>
        private ImportedVariant Add(ImportedCall call, string display, string path, JsonElement? properties)
        {
            string name = Suffix(display);
            for (int n = 2; call.Variants.Any(v => v.CSharpName == name); n++)
            {
                name = Suffix(display) + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var variant = new ImportedVariant(name);
            call.Variants.Add(variant);
            _properties.ReadList(properties, variant.Properties, path, 1);
            foreach (var shared in variant.Properties.Where(p => call.Properties.Any(c => c.Name == p.Name)).ToList())
            {
                // A case that re-lists a common property (to make it required, say) cannot redefine it: the common one stays.
                variant.Properties.Remove(shared);
                Plan.Report(path, $"'{shared.Name}' is already a common property of the event; the case's own rules for it are not mapped", ImportedProperty.Count(new[] { shared }));
            }

            return variant;
        }

        /// <summary>A display name as a C# identifier suffix: "Case 2 - Adds number" → <c>Case2AddsNumber</c>.</summary>
        private static string Suffix(string display)
        {
            string pascal = IdentifierNaming.ToPascalCase(display).TrimStart('@');
            return pascal.Length == 0 ? "Variant" : char.IsDigit(pascal[0]) ? "Variant" + pascal : pascal;
        }
    }
}
