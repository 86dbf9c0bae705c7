using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Cli.Diff
{
    /// <summary>What a call (event, page, identify, group) means for the data: its properties flattened to paths.</summary>
    /// <param name="Open">The call also accepts properties the plan does not list (<c>additionalProperties: true</c>).</param>
    /// <param name="Line">The line of the call's name in the plan, to place diagnostics; 0 for none.</param>
    internal sealed record CallShape(string Section, string Name, bool Deprecated, string? DeprecationReason, string? Description, IReadOnlyDictionary<string, PropertyShape> Properties,
        bool Open = false, IReadOnlyList<string>? Tags = null, int Line = 0, string? Owner = null, IReadOnlyList<string>? Sources = null, string? File = null,
        IReadOnlyList<VariantShape>? Variants = null)
    {
        /// <summary>A fingerprint of the property paths and types, to recognise a renamed call.</summary>
        public string Signature => string.Join(";", Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + p.Value.Type));
    }

    /// <summary>An event's variant: its <c>csharpName</c>, what selects it and its own properties (the event's are the event's).</summary>
    /// <param name="When">The condition as text (<c>signup_method = email</c>, <c>signup_method in [google, sso]</c>); null when none.</param>
    internal sealed record VariantShape(string Name, string? Description, string? When, IReadOnlyDictionary<string, PropertyShape> Properties, int Line);

    /// <summary>One property at a path (<c>address.city</c>, <c>items[].sku</c>) with everything a change can touch.</summary>
    internal sealed record PropertyShape(
        string Type,
        bool Required,
        bool Nullable,
        IReadOnlyList<string> EnumValues,
        string? Pattern,
        double? Minimum,
        double? Maximum,
        int? MinLength,
        int? MaxLength,
        string? Description);

    internal static class PlanShape
    {
        public const string Events = "Events";
        public const string Pages = "Pages";
        public const string Identify = "Identify traits";
        public const string Group = "Group traits";

        public static List<CallShape> Of(TrackingPlan plan)
        {
            var calls = new List<CallShape>();
            calls.AddRange(plan.Events.Select(e => Call(Events, e.Name, e)));
            calls.AddRange(plan.Pages.Select(p => Call(Pages, p.Name, p)));
            if (plan.Identify != null)
            {
                calls.Add(Call(Identify, "identify", plan.Identify));
            }

            if (plan.Group != null)
            {
                calls.Add(Call(Group, "group", plan.Group));
            }

            return calls;
        }

        private static CallShape Call(string section, string name, CallDefinition call)
        {
            var variants = call.Variants
                .Select(v => new VariantShape(v.CSharpName.Value, v.Description, When(v.When), Properties(v.Properties), v.CSharpName.Span.DisplayLine))
                .ToList();
            return new CallShape(section, name, call.Deprecated, call.DeprecationReason, call.Description, Properties(call.Properties),
                call.AdditionalProperties, call.Tags.Select(t => t.Value).ToList(), call.NameSpan.DisplayLine, call.Owner?.Value,
                call.Sources.Select(s => s.Value).ToList(), call.NameSpan.File, variants);
        }

        private static Dictionary<string, PropertyShape> Properties(List<PropertyDefinition> definitions)
        {
            var properties = new Dictionary<string, PropertyShape>(StringComparer.Ordinal);
            foreach (var property in definitions)
            {
                Add(properties, property.Name, property.Schema);
            }

            return properties;
        }

        private static string? When(VariantCondition? when) => when is null ? null
            : when.IsFixed ? $"{when.Property.Value} = {when.Values[0].Value}"
            : $"{when.Property.Value} in [{string.Join(", ", when.Values.Select(v => v.Value))}]";

        private static void Add(Dictionary<string, PropertyShape> into, string path, PropertySchema schema)
        {
            var source = schema.TypeSource;
            into[path] = new PropertyShape(
                TypeName(source),
                schema.IsRequired,
                schema.IsNullable,
                source.EnumValues.Select(v => v.Value).ToList(),
                source.Pattern?.Value,
                source.Minimum,
                source.Maximum,
                source.MinLength,
                source.MaxLength,
                schema.EffectiveDescription);

            foreach (var child in source.Properties)
            {
                Add(into, path + "." + child.Name, child.Schema);
            }

            if (source.Items != null && source.Items.TypeSource.Properties.Count > 0)
            {
                foreach (var child in source.Items.TypeSource.Properties)
                {
                    Add(into, path + "[]." + child.Name, child.Schema);
                }
            }
        }

        private static string TypeName(PropertySchema schema) => schema.Kind switch
        {
            PropertyKind.Array => "array of " + (schema.Items is null ? "any" : TypeName(schema.Items.TypeSource)),
            PropertyKind.DateTime => "date-time",
            _ => schema.Kind.ToString().ToLowerInvariant(),
        };

        public static string Describe(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "none";
    }
}
