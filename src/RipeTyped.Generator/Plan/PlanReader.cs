using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// Turns the YAML tree into a <see cref="TrackingPlan"/>, reporting every unknown key, wrongly shaped value
    /// and unknown type at its line and column. Reads as much as it can: one bad event does not hide the others.
    /// </summary>
    internal sealed class PlanReader
    {
        internal static readonly string[] RootKeys = { "version", "planVersion", "owner", "sources", "options", "definitions", "identify", "group", "pages", "events" };
        internal static readonly string[] OptionKeys = { "namespace", "className", "eventCase", "eventWordOrder", "propertyCase", "facadeInterface" };
        internal static readonly string[] CallKeys = { "name", "description", "deprecated", "properties", "csharpName", "additionalProperties", "tags", "sources", "owner" };

        /// <summary>An event's keys: a page's and <c>variants</c> (a page has no variants: it is RIPE0002 there).</summary>
        internal static readonly string[] EventKeys = CallKeys.Concat(new[] { "variants" }).ToArray();
        internal static readonly string[] VariantKeys = { "csharpName", "description", "when", "properties" };
        internal static readonly string[] TraitsKeys = { "description", "traits", "additionalProperties", "sources", "owner" };
        internal static readonly string[] SchemaKeys =
        {
            "type", "description", "required", "nullable", "values", "items", "properties", "pattern", "minimum", "maximum", "minLength", "maxLength", "$ref",
            "csharpName", "additionalProperties",
        };
        internal static readonly string[] EnumValueKeys = { "value", "csharpName" };

        private static readonly Dictionary<string, PropertyKind> TypeNames = new Dictionary<string, PropertyKind>(StringComparer.Ordinal)
        {
            ["string"] = PropertyKind.String,
            ["integer"] = PropertyKind.Integer,
            ["number"] = PropertyKind.Number,
            ["boolean"] = PropertyKind.Boolean,
            ["date-time"] = PropertyKind.DateTime,
            ["enum"] = PropertyKind.Enum,
            ["array"] = PropertyKind.Array,
            ["object"] = PropertyKind.Object,
            ["any"] = PropertyKind.Any,
        };

        private readonly string _filePath;
        private readonly List<PlanDiagnostic> _diagnostics;

        private PlanReader(string filePath, List<PlanDiagnostic> diagnostics)
        {
            _filePath = filePath;
            _diagnostics = diagnostics;
        }

        /// <summary>Reads a plan; never throws. Problems are added to <paramref name="diagnostics"/>.</summary>
        public static TrackingPlan Read(string text, string filePath, List<PlanDiagnostic> diagnostics)
        {
            var plan = new TrackingPlan(filePath);
            int before = diagnostics.Count;
            YamlNode? root = YamlTreeReader.Read(text, filePath, diagnostics);
            if (diagnostics.Count == before && (root is null || root is YamlScalar { IsPlain: true, Value.Length: 0 }))
            {
                // No document, or one without content ("---"): an unsaved buffer, a truncated merge, the wrong file.
                diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.EmptyPlan, filePath, SourceSpan.None, text.IndexOf('#') >= 0 ? " (it holds only comments)" : ""));
                return plan;
            }

            if (root is null)
            {
                return plan;
            }

            new PlanReader(filePath, diagnostics).ReadRoot(root, plan);
            if (plan.Owner is { } owner)
            {
                // A file's owner owns every call in it that names no owner of its own.
                foreach (var call in plan.Events.Concat(plan.Pages).Concat(new[] { plan.Identify, plan.Group }.Where(c => c != null)))
                {
                    call!.Owner ??= owner;
                }
            }
            return plan;
        }

        private void ReadRoot(YamlNode root, TrackingPlan plan)
        {
            if (!(root is YamlMapping mapping))
            {
                Report(RipeDiagnostics.WrongNodeKind, root.Span, "tracking plan", "a mapping with 'events', 'pages', 'identify', 'group', 'definitions' and 'options'");
                return;
            }

            foreach (var (key, value) in Entries(mapping, "the tracking plan", RootKeys))
            {
                switch (key.Value)
                {
                    case "version":
                        if (value is YamlScalar version && version.Value != "1")
                        {
                            Report(RipeDiagnostics.UnsupportedVersion, value.Span, version.Value);
                        }
                        else if (!(value is YamlScalar))
                        {
                            Report(RipeDiagnostics.WrongNodeKind, value.Span, "version", "the number 1");
                        }

                        break;
                    case "planVersion":
                        plan.PlanVersion = ReadString(value, "planVersion");
                        break;
                    case "owner":
                        plan.Owner = ReadString(value, "owner");
                        break;
                    case "sources":
                        ReadTags(value, "the plan's sources", plan.Sources);
                        break;
                    case "options":
                        ReadOptions(value, plan.Options);
                        break;
                    case "definitions":
                        ReadPropertyMap(value, "definitions", plan.Definitions);
                        break;
                    case "identify":
                        plan.Identify = ReadTraits(value, key, "identify");
                        break;
                    case "group":
                        plan.Group = ReadTraits(value, key, "group");
                        break;
                    case "pages":
                        ReadCalls(value, "pages", "page", plan.Pages);
                        break;
                    case "events":
                        ReadCalls(value, "events", "event", plan.Events);
                        break;
                }
            }
        }

        private void ReadOptions(YamlNode node, PlanOptions options)
        {
            if (!(node is YamlMapping mapping))
            {
                ReportShape(node, "options", "a mapping");
                return;
            }

            foreach (var (key, value) in Entries(mapping, "options", OptionKeys))
            {
                Named? named = ReadString(value, "options." + key.Value);
                switch (key.Value)
                {
                    case "namespace": options.Namespace = named; break;
                    case "className": options.ClassName = named; break;
                    case "eventCase": options.EventCase = named; break;
                    case "eventWordOrder": options.EventWordOrder = named; break;
                    case "propertyCase": options.PropertyCase = named; break;
                    case "facadeInterface": options.FacadeInterface = named; break;
                }
            }
        }

        private CallDefinition? ReadTraits(YamlNode node, YamlScalar key, string section)
        {
            var call = new CallDefinition(section, key.Span);
            if (node is YamlScalar scalar && scalar.IsNull)
            {
                return call;
            }

            if (!(node is YamlMapping mapping))
            {
                ReportShape(node, section, "a mapping with 'traits'");
                return null;
            }

            foreach (var (entryKey, value) in Entries(mapping, section, TraitsKeys))
            {
                switch (entryKey.Value)
                {
                    case "description":
                        call.Description = ReadString(value, section + ".description")?.Value;
                        break;
                    case "additionalProperties":
                        call.AdditionalProperties = ReadBool(value, section + ".additionalProperties") ?? false;
                        break;
                    case "sources":
                        ReadTags(value, section + " sources", call.Sources);
                        break;
                    case "owner":
                        call.Owner = ReadString(value, section + ".owner");
                        break;
                    default:
                        ReadPropertyMap(value, section + ".traits", call.Properties);
                        break;
                }
            }

            return call;
        }

        private void ReadCalls(YamlNode node, string section, string what, List<CallDefinition> calls)
        {
            if (node is YamlScalar empty && empty.IsNull)
            {
                return;
            }

            if (!(node is YamlSequence sequence))
            {
                ReportShape(node, section, $"a sequence of {what}s, each starting with '- name:'");
                return;
            }

            foreach (YamlNode item in sequence.Items)
            {
                if (!(item is YamlMapping mapping))
                {
                    ReportShape(item, $"each item of '{section}'", "a mapping with 'name', 'description' and 'properties'");
                    continue;
                }

                Named? name = null;
                var entries = Entries(mapping, (what == "event" ? "an " : "a ") + what, what == "event" ? EventKeys : CallKeys).ToList();
                foreach (var (key, value) in entries)
                {
                    if (key.Value == "name")
                    {
                        name = ReadString(value, what + " name");
                    }
                }

                if (name is null)
                {
                    Report(RipeDiagnostics.MissingKey, mapping.Span, "Each " + what, "'name'");
                    continue;
                }

                var call = new CallDefinition(name.Value, name.Span);
                foreach (var (key, value) in entries)
                {
                    switch (key.Value)
                    {
                        case "description":
                            call.Description = ReadString(value, what + " description")?.Value;
                            break;
                        case "deprecated":
                            ReadDeprecated(value, call);
                            break;
                        case "properties":
                            ReadPropertyMap(value, $"properties of {what} '{name.Value}'", call.Properties);
                            break;
                        case "csharpName":
                            call.CSharpName = ReadString(value, what + " csharpName");
                            break;
                        case "additionalProperties":
                            call.AdditionalProperties = ReadBool(value, what + " additionalProperties") ?? false;
                            break;
                        case "tags":
                            ReadTags(value, what + " tags", call.Tags);
                            break;
                        case "sources":
                            ReadTags(value, what + " sources", call.Sources);
                            break;
                        case "owner":
                            call.Owner = ReadString(value, what + " owner");
                            break;
                        case "variants":
                            ReadVariants(value, name.Value, call.Variants);
                            break;
                    }
                }

                calls.Add(call);
            }
        }

        private void ReadVariants(YamlNode node, string eventName, List<VariantDefinition> variants)
        {
            if (node is YamlScalar empty && empty.IsNull)
            {
                return;
            }

            if (!(node is YamlSequence sequence))
            {
                ReportShape(node, $"variants of event '{eventName}'", "a sequence of variants, each starting with '- csharpName:'");
                return;
            }

            foreach (YamlNode item in sequence.Items)
            {
                if (!(item is YamlMapping mapping))
                {
                    ReportShape(item, $"each variant of event '{eventName}'", "a mapping with 'csharpName', 'when' and 'properties'");
                    continue;
                }

                var entries = Entries(mapping, "a variant of event", eventName, VariantKeys).ToList();
                Named? csharpName = null;
                foreach (var (key, value) in entries)
                {
                    if (key.Value == "csharpName")
                    {
                        csharpName = ReadString(value, "variant csharpName");
                    }
                }

                if (csharpName is null)
                {
                    Report(RipeDiagnostics.MissingKey, mapping.Span, $"Each variant of event '{eventName}'", "'csharpName' (the suffix of its method: Track{Event}{csharpName})");
                    continue;
                }

                var variant = new VariantDefinition(csharpName);
                string context = $"variant '{csharpName.Value}' of event '{eventName}'";
                foreach (var (key, value) in entries)
                {
                    switch (key.Value)
                    {
                        case "description":
                            variant.Description = ReadString(value, "variant description")?.Value;
                            break;
                        case "when":
                            variant.When = ReadCondition(value, context);
                            break;
                        case "properties":
                            ReadPropertyMap(value, "properties of " + context, variant.Properties);
                            break;
                    }
                }

                variants.Add(variant);
            }
        }

        /// <summary><c>when: { property: value }</c> or <c>{ property: [value, ...] }</c>: exactly one property.</summary>
        private VariantCondition? ReadCondition(YamlNode node, string context)
        {
            const string Expected = "a mapping of one property of the event to the value (or list of values) that selects the variant";
            if (!(node is YamlMapping mapping) || mapping.Entries.Count != 1)
            {
                ReportShape(node, "when of " + context, Expected);
                return null;
            }

            var (key, value) = (mapping.Entries[0].Key, mapping.Entries[0].Value);
            var property = new Named(key.Value, key.Span);
            if (value is YamlScalar scalar && !scalar.IsNull)
            {
                var condition = new VariantCondition(property, isList: false);
                condition.Values.Add(new Named(scalar.Value, scalar.Span));
                return condition;
            }

            if (value is YamlSequence sequence && sequence.Items.Count > 0)
            {
                var condition = new VariantCondition(property, isList: true);
                foreach (var item in sequence.Items)
                {
                    if (ReadString(item, $"when.{key.Value}[] of {context}") is { } one)
                    {
                        condition.Values.Add(one);
                    }
                }

                return condition.Values.Count > 0 ? condition : null;
            }

            ReportShape(value, $"when.{key.Value} of {context}", "a value, or a non-empty list of values");
            return null;
        }

        /// <summary>A list of names (<c>tags</c>, <c>sources</c>): a sequence of strings.</summary>
        private void ReadTags(YamlNode node, string what, List<Named> tags)
        {
            if (!(node is YamlSequence sequence))
            {
                ReportShape(node, what, "a sequence of strings");
                return;
            }

            foreach (var item in sequence.Items)
            {
                if (ReadString(item, what + "[]") is { } tag)
                {
                    tags.Add(tag);
                }
            }
        }

        private void ReadDeprecated(YamlNode value, CallDefinition call)
        {
            if (!(value is YamlScalar scalar))
            {
                ReportShape(value, "deprecated", "true, false or the reason as text");
                return;
            }

            if (scalar.IsPlain && TryParseBool(scalar.Value, out bool flag))
            {
                call.Deprecated = flag;
                return;
            }

            call.Deprecated = true;
            call.DeprecationReason = scalar.Value;
        }

        private void ReadPropertyMap(YamlNode node, string context, List<PropertyDefinition> target)
        {
            if (node is YamlScalar empty && empty.IsNull)
            {
                return;
            }

            if (!(node is YamlMapping mapping))
            {
                ReportShape(node, context, "a mapping of property names to types");
                return;
            }

            foreach (var (key, value) in Entries(mapping, context, allowed: null))
            {
                target.Add(new PropertyDefinition(key.Value, key.Span, ReadSchema(value, key.Value)));
            }
        }

        private PropertySchema ReadSchema(YamlNode node, string owner)
        {
            var schema = new PropertySchema(node.Span);
            if (node is YamlScalar scalar)
            {
                // Shorthand: `seats: integer`.
                if (scalar.IsNull)
                {
                    Report(RipeDiagnostics.MissingKey, node.Span, $"Property '{owner}'", "'type'");
                }
                else
                {
                    SetType(schema, scalar, owner);
                }

                return schema;
            }

            if (!(node is YamlMapping mapping))
            {
                ReportShape(node, owner, "a type name or a mapping with 'type'");
                return schema;
            }

            var constraintKeys = new List<YamlScalar>();
            YamlScalar? valuesKey = null, itemsKey = null, propertiesKey = null, typeKey = null, openKey = null;
            foreach (var (key, value) in Entries(mapping, "property", owner, SchemaKeys))
            {
                switch (key.Value)
                {
                    case "type":
                        typeKey = key;
                        if (value is YamlScalar typeScalar && !typeScalar.IsNull)
                        {
                            SetType(schema, typeScalar, owner);
                        }
                        else
                        {
                            ReportShape(value, owner + ".type", "a type name");
                        }

                        break;
                    case "description":
                        schema.Description = ReadString(value, owner + ".description")?.Value;
                        break;
                    case "required":
                        schema.Required = ReadBool(value, owner + ".required");
                        break;
                    case "nullable":
                        schema.Nullable = ReadBool(value, owner + ".nullable");
                        break;
                    case "values":
                        valuesKey = key;
                        ReadEnumValues(value, owner, schema);
                        break;
                    case "items":
                        itemsKey = key;
                        schema.Items = ReadSchema(value, owner + "[]");
                        break;
                    case "properties":
                        propertiesKey = key;
                        ReadPropertyMap(value, $"properties of '{owner}'", schema.Properties);
                        break;
                    case "pattern":
                        constraintKeys.Add(key);
                        schema.Pattern = ReadString(value, owner + ".pattern");
                        break;
                    case "minimum":
                        constraintKeys.Add(key);
                        schema.Minimum = ReadNumber(value, owner + ".minimum");
                        break;
                    case "maximum":
                        constraintKeys.Add(key);
                        schema.Maximum = ReadNumber(value, owner + ".maximum");
                        break;
                    case "minLength":
                        constraintKeys.Add(key);
                        schema.MinLength = ReadLength(value, owner + ".minLength");
                        break;
                    case "maxLength":
                        constraintKeys.Add(key);
                        schema.MaxLength = ReadLength(value, owner + ".maxLength");
                        break;
                    case "$ref":
                        schema.Ref = ReadString(value, owner + ".$ref");
                        break;
                    case "csharpName":
                        schema.CSharpName = ReadString(value, owner + ".csharpName");
                        break;
                    case "additionalProperties":
                        openKey = key;
                        schema.AdditionalProperties = ReadBool(value, owner + ".additionalProperties") ?? false;
                        break;
                }
            }

            if (constraintKeys.Count > 0)
            {
                schema.ConstraintSpan = constraintKeys[0].Span;
            }

            if (schema.Ref != null)
            {
                // A use of a shared definition may only say whether it is required/nullable and describe itself.
                foreach (var key in new[] { typeKey, valuesKey, itemsKey, propertiesKey, openKey }.Concat(constraintKeys))
                {
                    if (key != null)
                    {
                        Report(RipeDiagnostics.InvalidConstraint, key.Span, key.Value, owner, "a property with '$ref' takes its type and constraints from the definition; only 'required', 'nullable', 'description' and 'csharpName' may be added");
                    }
                }

                return schema;
            }

            if (typeKey is null)
            {
                Report(RipeDiagnostics.MissingKey, mapping.Span, $"Property '{owner}'", "'type' (or '$ref')");
                return schema;
            }

            CheckApplicable(schema, owner, valuesKey, PropertyKind.Enum, "only an enum has 'values'");
            CheckApplicable(schema, owner, itemsKey, PropertyKind.Array, "only an array has 'items'");
            CheckApplicable(schema, owner, propertiesKey, PropertyKind.Object, "only an object has 'properties'");
            CheckApplicable(schema, owner, openKey, PropertyKind.Object, "only an object has 'additionalProperties'");
            foreach (var key in constraintKeys)
            {
                bool stringRule = key.Value == "pattern" || key.Value == "minLength" || key.Value == "maxLength";
                bool fits = stringRule ? schema.Kind == PropertyKind.String : schema.Kind == PropertyKind.Integer || schema.Kind == PropertyKind.Number;
                if (!fits && schema.Kind != PropertyKind.Unknown)
                {
                    Report(RipeDiagnostics.InvalidConstraint, key.Span, key.Value, owner,
                        stringRule ? "it applies to strings only" : "it applies to integers and numbers only");
                }
            }

            if (schema.Kind == PropertyKind.Enum && valuesKey is null)
            {
                Report(RipeDiagnostics.MissingKey, schema.TypeSpan, $"Enum property '{owner}'", "'values'");
            }

            if (schema.Kind == PropertyKind.Array && itemsKey is null)
            {
                Report(RipeDiagnostics.MissingKey, schema.TypeSpan, $"Array property '{owner}'", "'items'");
            }

            return schema;
        }

        private void CheckApplicable(PropertySchema schema, string owner, YamlScalar? key, PropertyKind kind, string reason)
        {
            if (key != null && schema.Kind != kind && schema.Kind != PropertyKind.Unknown)
            {
                Report(RipeDiagnostics.InvalidConstraint, key.Span, key.Value, owner, reason);
            }
        }

        private void SetType(PropertySchema schema, YamlScalar typeName, string owner)
        {
            schema.TypeSpan = typeName.Span;
            if (TypeNames.TryGetValue(typeName.Value, out var kind))
            {
                schema.Kind = kind;
            }
            else
            {
                Report(RipeDiagnostics.UnknownType, typeName.Span, typeName.Value, owner);
            }
        }

        private void ReadEnumValues(YamlNode node, string owner, PropertySchema schema)
        {
            if (!(node is YamlSequence sequence))
            {
                ReportShape(node, owner + ".values", "a sequence of strings");
                return;
            }

            foreach (var item in sequence.Items)
            {
                if (item is YamlScalar value && !value.IsNull)
                {
                    schema.EnumValues.Add(new Named(value.Value, value.Span));
                }
                else if (item is YamlMapping mapping)
                {
                    ReadEnumValueWithName(mapping, owner, schema);
                }
                else
                {
                    ReportShape(item, owner + ".values[]", "a string, or a mapping with 'value' and 'csharpName'");
                }
            }

            if (schema.EnumValues.Count == 0)
            {
                Report(RipeDiagnostics.MissingKey, node.Span, $"Enum property '{owner}'", "at least one value");
            }
        }

        /// <summary><c>- { value: "Pro ", csharpName: ProTrailing }</c>: an enum value with its C# member name chosen.</summary>
        private void ReadEnumValueWithName(YamlMapping mapping, string owner, PropertySchema schema)
        {
            Named? value = null, csharpName = null;
            foreach (var (key, node) in Entries(mapping, owner + ".values[]", EnumValueKeys))
            {
                if (key.Value == "value")
                {
                    value = ReadString(node, owner + ".values[].value");
                }
                else
                {
                    csharpName = ReadString(node, owner + ".values[].csharpName");
                }
            }

            if (value is null)
            {
                Report(RipeDiagnostics.MissingKey, mapping.Span, $"An enum value of '{owner}'", "'value'");
                return;
            }

            schema.EnumValues.Add(value with { CSharpName = csharpName });
        }

        /// <summary>Mapping entries with unknown and repeated keys reported (and skipped).</summary>
        private IEnumerable<(YamlScalar Key, YamlNode Value)> Entries(YamlMapping mapping, string context, string[]? allowed) =>
            Entries(mapping, context, null, allowed);

        /// <param name="contextName">When set, the context reads "{context} '{contextName}'"; built only if a key is reported.</param>
        private IEnumerable<(YamlScalar Key, YamlNode Value)> Entries(YamlMapping mapping, string context, string? contextName, string[]? allowed)
        {
            // Most mappings have a handful of keys: a linear look-back finds duplicates without allocating a dictionary.
            var entries = mapping.Entries;
            Dictionary<string, YamlScalar>? seen = entries.Count > 16 ? new Dictionary<string, YamlScalar>(StringComparer.Ordinal) : null;
            for (int i = 0; i < entries.Count; i++)
            {
                YamlScalar key = entries[i].Key;
                if (allowed != null && Array.IndexOf(allowed, key.Value) < 0)
                {
                    Report(RipeDiagnostics.UnknownKey, key.Span, key.Value, contextName is null ? context : context + " '" + contextName + "'", string.Join(", ", allowed));
                    continue;
                }

                YamlScalar? first = null;
                if (seen != null)
                {
                    seen.TryGetValue(key.Value, out first);
                }
                else
                {
                    for (int j = 0; j < i; j++)
                    {
                        if (string.Equals(entries[j].Key.Value, key.Value, StringComparison.Ordinal) && (allowed is null || Array.IndexOf(allowed, key.Value) >= 0))
                        {
                            first = entries[j].Key;
                            break;
                        }
                    }
                }

                if (first != null)
                {
                    Report(RipeDiagnostics.Duplicate, key.Span, "Key", key.Value, first.Span.DisplayLine.ToString(CultureInfo.InvariantCulture));
                    continue;
                }

                seen?.Add(key.Value, key);
                yield return (key, entries[i].Value);
            }
        }

        private Named? ReadString(YamlNode node, string what)
        {
            if (node is YamlScalar scalar && !scalar.IsNull)
            {
                return new Named(scalar.Value, scalar.Span);
            }

            ReportShape(node, what, "text");
            return null;
        }

        private bool? ReadBool(YamlNode node, string what)
        {
            if (node is YamlScalar scalar && scalar.IsPlain && TryParseBool(scalar.Value, out bool value))
            {
                return value;
            }

            ReportShape(node, what, "true or false");
            return null;
        }

        private double? ReadNumber(YamlNode node, string what)
        {
            if (node is YamlScalar scalar && scalar.IsPlain &&
                double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) &&
                !double.IsNaN(value) && !double.IsInfinity(value))
            {
                return value;
            }

            ReportShape(node, what, "a number");
            return null;
        }

        private int? ReadLength(YamlNode node, string what)
        {
            if (node is YamlScalar scalar && scalar.IsPlain &&
                int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            ReportShape(node, what, "a whole number, 0 or more");
            return null;
        }

        private static bool TryParseBool(string text, out bool value)
        {
            switch (text)
            {
                case "true":
                case "True":
                case "TRUE":
                    value = true;
                    return true;
                case "false":
                case "False":
                case "FALSE":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }

        private void ReportShape(YamlNode node, string what, string expected) =>
            Report(RipeDiagnostics.WrongNodeKind, node.Span, what, expected + ", not " + Describe(node));

        private static string Describe(YamlNode node) =>
            node is YamlScalar scalar ? (scalar.IsNull ? "empty" : $"'{scalar.Value}'") : node.ShapeName;

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] args) =>
            _diagnostics.Add(PlanDiagnostic.Create(descriptor, _filePath, span, args));
    }
}
