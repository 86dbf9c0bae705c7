using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RipeTyped.Generator.Common;
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
        string? Description,
        IReadOnlyList<string>? Examples = null);

    internal static class PlanShape
    {
        public const string Events = "Events";
        public const string Pages = "Pages";
        public const string Identify = "Identify traits";
        public const string Group = "Group traits";

        public static List<CallShape> Of(ValidatedPlan plan)
        {
            var calls = new List<CallShape>();
            calls.AddRange(plan.Events.Select(e => Call(plan, Events, e.Name, e)));
            calls.AddRange(plan.Pages.Select(p => Call(plan, Pages, p.Name, p)));
            if (plan.Identify != null)
            {
                calls.Add(Call(plan, Identify, "identify", plan.Identify));
            }

            if (plan.Group != null)
            {
                calls.Add(Call(plan, Group, "group", plan.Group));
            }

            return calls;
        }

        private static CallShape Call(ValidatedPlan plan, string section, string name, CallDefinition call)
        {
            var variants = call.Variants
                .Select(v => new VariantShape(v.CSharpName.Value, v.Description, When(v.When), Properties(plan, v.Properties), v.CSharpName.Span.DisplayLine))
                .ToList();
            return new CallShape(section, name, call.Deprecated, call.DeprecationReason, call.Description, Properties(plan, call.Properties),
                call.AdditionalProperties, call.Tags.Select(t => t.Value).ToList(), call.NameSpan.DisplayLine, call.Owner?.Value,
                call.Sources.Select(s => s.Value).ToList(), call.NameSpan.File, variants);
        }

        private static Dictionary<string, PropertyShape> Properties(ValidatedPlan plan, EquatableArray<PropertyDefinition> definitions)
        {
            var properties = new Dictionary<string, PropertyShape>(StringComparer.Ordinal);
            foreach (var property in definitions)
            {
                Add(plan, properties, property.Name, property.Schema);
            }

            return properties;
        }

        private static string? When(VariantCondition? when) => when is null ? null
            : when.IsFixed ? $"{when.Property.Value} = {when.Values[0].Value}"
            : $"{when.Property.Value} in [{string.Join(", ", when.Values.Select(v => v.Value))}]";

        private static void Add(ValidatedPlan plan, Dictionary<string, PropertyShape> into, string path, PropertySchema schema)
        {
            var source = plan.TypeSource(schema);
            into[path] = new PropertyShape(
                TypeName(plan, source),
                plan.IsRequired(schema),
                plan.IsNullable(schema),
                source.EnumValues.Select(v => v.Value).ToList(),
                source.Pattern?.Value,
                source.Minimum,
                source.Maximum,
                source.MinLength,
                source.MaxLength,
                plan.DescriptionOf(schema),
                plan.ExamplesOf(schema).Select(e => e.Value).ToList());

            foreach (var child in source.Properties)
            {
                Add(plan, into, path + "." + child.Name, child.Schema);
            }

            if (source.Items != null && plan.TypeSource(source.Items).Properties.Count > 0)
            {
                foreach (var child in plan.TypeSource(source.Items).Properties)
                {
                    Add(plan, into, path + "[]." + child.Name, child.Schema);
                }
            }
        }

        private static string TypeName(ValidatedPlan plan, PropertySchema schema) => schema.Kind switch
        {
            PropertyKind.Array => "array of " + (schema.Items is null ? "any" : TypeName(plan, plan.TypeSource(schema.Items))),
            PropertyKind.DateTime => "date-time",
            _ => schema.Kind.ToString().ToLowerInvariant(),
        };

        public static string Describe(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "none";
    }
}
