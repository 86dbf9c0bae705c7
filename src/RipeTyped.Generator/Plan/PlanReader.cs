using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// Turns the YAML document into a <see cref="TrackingPlan"/> through the key declarations of <see cref="PlanKeys"/>, reporting
    /// every unknown key, wrongly shaped value and unknown type at its line and column. Reads as much as it can: one bad
    /// event does not hide the others.
    /// </summary>
    internal sealed class PlanReader
    {
        internal static readonly string[] RootKeys = PlanKeys.Names(PlanKeys.Root);
        internal static readonly string[] OptionKeys = PlanKeys.Names(PlanKeys.Options);
        internal static readonly string[] CallKeys = PlanKeys.Names(PlanKeys.Page);
        internal static readonly string[] EventKeys = PlanKeys.Names(PlanKeys.Event);
        internal static readonly string[] VariantKeys = PlanKeys.Names(PlanKeys.Variant);
        internal static readonly string[] TraitsKeys = PlanKeys.Names(PlanKeys.Traits);
        internal static readonly string[] SchemaKeys = PlanKeys.Names(PlanKeys.Schema);
        internal static readonly string[] EnumValueKeys = PlanKeys.Names(PlanKeys.EnumValue);

        /// <summary>The keys a <c>$ref</c> use may add, as the message lists them.</summary>
        private static readonly string WithRefKeys = Quoted(PlanKeys.Schema.Where(k => k.WithRef && k.Name != "$ref").Select(k => k.Name));

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
        private readonly List<PropertySchemaBuilder> _schemas = new List<PropertySchemaBuilder>();
        private int _schemaDepth;

        private PlanReader(string filePath, List<PlanDiagnostic> diagnostics)
        {
            _filePath = filePath;
            _diagnostics = diagnostics;
        }

        /// <summary>Reads a plan; never throws. Problems are added to <paramref name="diagnostics"/>.</summary>
        public static TrackingPlan Read(string text, string filePath, List<PlanDiagnostic> diagnostics)
        {
            int before = diagnostics.Count;
            // The document is a reused table: every value read from it is copied out before it is given back.
            var document = YamlDocument.Rent(YamlDocument.ExpectedRows(text.Length));
            try
            {
                return Read(text, filePath, diagnostics, YamlDocumentReader.Read(text, filePath, diagnostics, document), before);
            }
            finally
            {
                document.Return();
            }
        }

        private static TrackingPlan Read(string text, string filePath, List<PlanDiagnostic> diagnostics, YamlNode? read, int before)
        {
            var plan = new TrackingPlan(filePath);
            if (diagnostics.Count == before && (read is null || (read.Value.IsScalar(out var content) && content.IsPlain && content.Value.Length == 0)))
            {
                // No document, or one without content ("---"): an unsaved buffer, a truncated merge, the wrong file.
                diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.EmptyPlan, filePath, SourceSpan.None, text.IndexOf('#') >= 0 ? " (it holds only comments)" : ""));
                return plan;
            }

            if (!(read is { } root))
            {
                return plan;
            }

            if (!root.IsMapping(out var mapping))
            {
                diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.WrongNodeKind, filePath, root.Span, "tracking plan", "a mapping with 'events', 'pages', 'identify', 'group', 'definitions' and 'options'"));
                return plan;
            }

            plan = new PlanReader(filePath, diagnostics).ReadKeys(mapping, PlanKeys.Root, "the tracking plan", null, plan);
            if (plan.Owner is { } owner)
            {
                // A file's owner owns every call in it that names no owner of its own.
                CallDefinition Own(CallDefinition call) => call.Owner is null ? call with { Owner = owner } : call;
                plan = plan with
                {
                    Events = plan.Events.Select(Own).ToEquatableArray(),
                    Pages = plan.Pages.Select(Own).ToEquatableArray(),
                    Identify = plan.Identify is { } identify ? Own(identify) : null,
                    Group = plan.Group is { } group ? Own(group) : null,
                };
            }

            return plan;
        }

        /// <summary>Applies each known key's reader in document order; unknown and repeated keys are reported and skipped.</summary>
        private T ReadKeys<T>(YamlMapping mapping, PlanKey<T>[] keys, string context, string? subject, T target, string? messageContext = null)
        {
            var entries = mapping.Entries;
            var seen = Seen(entries);
            for (int i = 0; i < entries.Count; i++)
            {
                if (Accept(entries, i, messageContext ?? context, null, keys, seen, out var key))
                {
                    target = key!.Read(this, new KeyEntry(entries[i].Key, entries[i].Value, context, subject), target);
                }
            }

            return target;
        }

        /// <summary>A mapping section read through its keys (<c>options</c>); anything else is reported and yields <paramref name="empty"/>.</summary>
        internal T ReadMapping<T>(YamlNode node, string what, string expected, PlanKey<T>[] keys, T empty)
        {
            if (!node.IsMapping(out var mapping))
            {
                ReportShape(node, what, expected);
                return empty;
            }

            return ReadKeys(mapping, keys, what, null, empty);
        }

        internal void CheckFormatVersion(YamlNode value)
        {
            if (value.IsScalar(out var version) && version.Value != "1")
            {
                Report(RipeDiagnostics.UnsupportedVersion, value.Span, version.Value);
            }
            else if (value.Kind != YamlNodeKind.Scalar)
            {
                Report(RipeDiagnostics.WrongNodeKind, value.Span, "version", "the number 1");
            }
        }

        internal CallDefinition? ReadTraits(YamlNode node, YamlScalar key, string section)
        {
            var call = new CallDefinition(section, key.Span);
            if (node.IsNull)
            {
                return call;
            }

            if (!node.IsMapping(out var mapping))
            {
                ReportShape(node, section, "a mapping with 'traits'");
                return null;
            }

            return ReadKeys(mapping, PlanKeys.Traits, section, null, call);
        }

        internal EquatableArray<CallDefinition> ReadCalls(YamlNode node, string section, string what, PlanKey<CallDefinition>[] keys)
        {
            if (node.IsNull)
            {
                return EquatableArray<CallDefinition>.Empty;
            }

            if (!node.IsSequence(out var sequence))
            {
                ReportShape(node, section, $"a sequence of {what}s, each starting with '- name:'");
                return EquatableArray<CallDefinition>.Empty;
            }

            var calls = ImmutableArray.CreateBuilder<CallDefinition>(sequence.Items.Count);
            foreach (YamlNode item in sequence.Items)
            {
                if (!item.IsMapping(out var mapping))
                {
                    ReportShape(item, $"each item of '{section}'", "a mapping with 'name', 'description' and 'properties'");
                    continue;
                }

                var entries = Accepted(mapping, what == "event" ? "an event" : what == "page" ? "a page" : "a " + what, null, keys);
                Named? name = null;
                foreach (var (key, value, _) in entries)
                {
                    if (key.Value == "name")
                    {
                        name = ReadString(value, new What(what, " name"));
                    }
                }

                if (name is null)
                {
                    Report(RipeDiagnostics.MissingKey, mapping.Span, "Each " + what, "'name'");
                    continue;
                }

                var call = new CallDefinition(name.Value, name.Span);
                foreach (var (key, value, declared) in entries)
                {
                    call = declared.Read(this, new KeyEntry(key, value, what, name.Value), call);
                }

                calls.Add(call);
            }

            return new EquatableArray<CallDefinition>(calls.ToImmutable());
        }

        internal EquatableArray<VariantDefinition> ReadVariants(YamlNode node, string eventName)
        {
            if (node.IsNull)
            {
                return EquatableArray<VariantDefinition>.Empty;
            }

            if (!node.IsSequence(out var sequence))
            {
                ReportShape(node, $"variants of event '{eventName}'", "a sequence of variants, each starting with '- csharpName:'");
                return EquatableArray<VariantDefinition>.Empty;
            }

            var variants = ImmutableArray.CreateBuilder<VariantDefinition>();
            foreach (YamlNode item in sequence.Items)
            {
                if (!item.IsMapping(out var mapping))
                {
                    ReportShape(item, $"each variant of event '{eventName}'", "a mapping with 'csharpName', 'when' and 'properties'");
                    continue;
                }

                var entries = Accepted(mapping, "a variant of event", eventName, PlanKeys.Variant);
                Named? csharpName = null;
                foreach (var (key, value, _) in entries)
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
                foreach (var (key, value, declared) in entries)
                {
                    variant = declared.Read(this, new KeyEntry(key, value, context, eventName), variant);
                }

                variants.Add(variant);
            }

            return new EquatableArray<VariantDefinition>(variants.ToImmutable());
        }

        /// <summary><c>when: { property: value }</c> or <c>{ property: [value, ...] }</c>: exactly one property.</summary>
        internal VariantCondition? ReadCondition(YamlNode node, string context)
        {
            const string Expected = "a mapping of one property of the event to the value (or list of values) that selects the variant";
            if (!node.IsMapping(out var mapping) || mapping.Entries.Count != 1)
            {
                ReportShape(node, "when of " + context, Expected);
                return null;
            }

            var (key, value) = (mapping.Entries[0].Key, mapping.Entries[0].Value);
            var property = new Named(key.Value, key.Span);
            if (value.IsScalar(out var scalar) && !scalar.IsNull)
            {
                return new VariantCondition(property, IsList: false, new[] { new Named(scalar.Value, scalar.Span) }.ToEquatableArray());
            }

            if (value.IsSequence(out var sequence) && sequence.Items.Count > 0)
            {
                var values = new List<Named>();
                foreach (var item in sequence.Items)
                {
                    if (ReadString(item, $"when.{key.Value}[] of {context}") is { } one)
                    {
                        values.Add(one);
                    }
                }

                return values.Count > 0 ? new VariantCondition(property, IsList: true, values.ToEquatableArray()) : null;
            }

            ReportShape(value, $"when.{key.Value} of {context}", "a value, or a non-empty list of values");
            return null;
        }

        /// <summary>A list of names (<c>tags</c>, <c>sources</c>): a sequence of strings.</summary>
        internal EquatableArray<Named> ReadTags(YamlNode node, What what)
        {
            if (!node.IsSequence(out var sequence))
            {
                ReportShape(node, what, "a sequence of strings");
                return EquatableArray<Named>.Empty;
            }

            var tags = new List<Named>(sequence.Items.Count);
            foreach (var item in sequence.Items)
            {
                if (ReadString(item, what.Append("[]")) is { } tag)
                {
                    tags.Add(tag);
                }
            }

            return tags.ToEquatableArray();
        }

        /// <summary><c>examples</c>: one value or a sequence of values, each text, a number or true/false, kept as written.</summary>
        internal EquatableArray<Named> ReadExamples(YamlNode node, What what)
        {
            if (node.IsScalar(out var single) && !single.IsNull)
            {
                return new[] { new Named(single.Value, single.Span) }.ToEquatableArray();
            }

            if (!node.IsSequence(out var sequence))
            {
                ReportShape(node, what, "a sequence of example values (text, numbers, true or false)");
                return EquatableArray<Named>.Empty;
            }

            var examples = new List<Named>(sequence.Items.Count);
            foreach (var item in sequence.Items)
            {
                if (item.IsScalar(out var scalar) && !scalar.IsNull)
                {
                    examples.Add(new Named(scalar.Value, scalar.Span));
                }
                else
                {
                    ReportShape(item, what.Append("[]"), "an example value (text, a number, true or false)");
                }
            }

            return examples.ToEquatableArray();
        }

        internal CallDefinition ReadDeprecated(YamlNode value, CallDefinition call)
        {
            if (!value.IsScalar(out var scalar))
            {
                ReportShape(value, "deprecated", "true, false or the reason as text");
                return call;
            }

            if (scalar.IsPlain && TryParseBool(scalar.Value, out bool flag))
            {
                return call with { Deprecated = flag };
            }

            return call with { Deprecated = true, DeprecationReason = scalar.Value };
        }

        internal EquatableArray<PropertyDefinition> ReadPropertyMap(YamlNode node, What context)
        {
            if (node.IsNull)
            {
                return EquatableArray<PropertyDefinition>.Empty;
            }

            if (!node.IsMapping(out var mapping))
            {
                ReportShape(node, context, "a mapping of property names to types");
                return EquatableArray<PropertyDefinition>.Empty;
            }

            var entries = mapping.Entries;
            var properties = ImmutableArray.CreateBuilder<PropertyDefinition>(entries.Count);
            var seen = Seen(entries);
            for (int i = 0; i < entries.Count; i++)
            {
                if (Accept<PropertySchemaBuilder>(entries, i, context, null, null, seen, out _))
                {
                    YamlScalar key = entries[i].Key;
                    properties.Add(new PropertyDefinition(key.Value, key.Span, ReadSchema(entries[i].Value, key.Value)));
                }
            }

            return new EquatableArray<PropertyDefinition>(properties.Count == properties.Capacity ? properties.MoveToImmutable() : properties.ToImmutable());
        }

        internal PropertySchema ReadSchema(YamlNode node, string owner)
        {
            if (node.IsScalar(out var scalar))
            {
                // Shorthand: `seats: integer`.
                var shorthand = new PropertySchema(node.Span);
                if (scalar.IsNull)
                {
                    Report(RipeDiagnostics.MissingKey, node.Span, $"Property '{owner}'", "'type'");
                    return shorthand;
                }

                if (TypeNames.TryGetValue(scalar.Value, out var kind))
                {
                    return shorthand with { TypeSpan = scalar.Span, Kind = kind };
                }

                Report(RipeDiagnostics.UnknownType, scalar.Span, scalar.Value, owner);
                return shorthand with { TypeSpan = scalar.Span };
            }

            if (!node.IsMapping(out var mapping))
            {
                ReportShape(node, owner, "a type name or a mapping with 'type'");
                return new PropertySchema(node.Span);
            }

            // One builder per nesting level (items and object properties nest), reused from schema to schema.
            if (_schemaDepth == _schemas.Count)
            {
                _schemas.Add(new PropertySchemaBuilder());
            }

            var schema = _schemas[_schemaDepth++].Reset(node.Span);
            try
            {
                return ReadSchema(schema, mapping, owner);
            }
            finally
            {
                _schemaDepth--;
            }
        }

        private PropertySchema ReadSchema(PropertySchemaBuilder schema, YamlMapping mapping, string owner)
        {
            var present = schema.Present;
            var entries = mapping.Entries;
            var seen = Seen(entries);
            for (int i = 0; i < entries.Count; i++)
            {
                if (Accept(entries, i, "property", owner, PlanKeys.Schema, seen, out var declared))
                {
                    present.Add((Array.IndexOf(PlanKeys.Schema, declared), entries[i].Key));
                    declared!.Read(this, new KeyEntry(entries[i].Key, entries[i].Value, owner, null), schema);
                }
            }

            bool hasType = false, hasValues = false, hasItems = false, hasConstraint = false;
            foreach (var (index, at) in present)
            {
                var key = PlanKeys.Schema[index];
                if (key.IsConstraint && !hasConstraint)
                {
                    schema.ConstraintSpan = at.Span;
                    hasConstraint = true;
                }

                hasType |= key.Name == "type";
                hasValues |= key.Name == "values";
                hasItems |= key.Name == "items";
            }

            if (schema.Ref != null)
            {
                // A use of a shared definition may only say whether it is required/nullable, describe itself and name itself.
                foreach (var (index, at) in present)
                {
                    if (!PlanKeys.Schema[index].WithRef)
                    {
                        Report(RipeDiagnostics.InvalidConstraint, at.Span, at.Value, owner, $"a property with '$ref' takes its type and constraints from the definition; only {WithRefKeys} may be added");
                    }
                }

                return schema.ToSchema();
            }

            if (!hasType)
            {
                Report(RipeDiagnostics.MissingKey, mapping.Span, $"Property '{owner}'", "'type' (or '$ref')");
                return schema.ToSchema();
            }

            foreach (var (index, at) in present)
            {
                var key = PlanKeys.Schema[index];
                if (key.OnlyFor.Length > 0 && schema.Kind != PropertyKind.Unknown && Array.IndexOf(key.OnlyFor, schema.Kind) < 0)
                {
                    Report(RipeDiagnostics.InvalidConstraint, at.Span, at.Value, owner, key.OnlyForReason!);
                }
            }

            if (schema.Kind == PropertyKind.Enum && !hasValues)
            {
                Report(RipeDiagnostics.MissingKey, schema.TypeSpan, $"Enum property '{owner}'", "'values'");
            }

            if (schema.Kind == PropertyKind.Array && !hasItems)
            {
                Report(RipeDiagnostics.MissingKey, schema.TypeSpan, $"Array property '{owner}'", "'items'");
            }

            return schema.ToSchema();
        }

        internal PropertySchemaBuilder ReadType(YamlNode value, PropertySchemaBuilder schema, string owner)
        {
            if (value.IsScalar(out var typeName) && !typeName.IsNull)
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

                return schema;
            }

            ReportShape(value, new What(owner, ".type"), "a type name");
            return schema;
        }

        internal EquatableArray<Named> ReadEnumValues(YamlNode node, string owner)
        {
            if (!node.IsSequence(out var sequence))
            {
                ReportShape(node, owner + ".values", "a sequence of strings");
                return EquatableArray<Named>.Empty;
            }

            var values = new List<Named>(sequence.Items.Count);
            foreach (var item in sequence.Items)
            {
                if (item.IsScalar(out var value) && !value.IsNull)
                {
                    values.Add(new Named(value.Value, value.Span));
                }
                else if (item.IsMapping(out var mapping))
                {
                    // `- { value: "Pro ", csharpName: ProTrailing }`: the value with its C# member name chosen.
                    var read = ReadKeys(mapping, PlanKeys.EnumValue, owner, null, new Named(null!, mapping.Span), owner + ".values[]");
                    if (read.Value is null)
                    {
                        Report(RipeDiagnostics.MissingKey, mapping.Span, $"An enum value of '{owner}'", "'value'");
                    }
                    else
                    {
                        values.Add(read);
                    }
                }
                else
                {
                    ReportShape(item, owner + ".values[]", "a string, or a mapping with 'value' and 'csharpName'");
                }
            }

            if (values.Count == 0)
            {
                Report(RipeDiagnostics.MissingKey, node.Span, $"Enum property '{owner}'", "at least one value");
            }

            return values.ToEquatableArray();
        }

        private static PlanKey<T>? Find<T>(PlanKey<T>[] keys, string name)
        {
            foreach (var key in keys)
            {
                if (string.Equals(key.Name, name, StringComparison.Ordinal))
                {
                    return key;
                }
            }

            return null;
        }

        /// <summary>Most mappings have a handful of keys: a linear look-back finds duplicates without allocating a dictionary.</summary>
        private static Dictionary<string, YamlScalar>? Seen(YamlEntries entries) =>
            entries.Count > 16 ? new Dictionary<string, YamlScalar>(StringComparer.Ordinal) : null;

        /// <summary>
        /// Whether entry <paramref name="i"/> of a mapping is read: unknown and repeated keys are reported (and skipped);
        /// <paramref name="allowed"/> null: any key. <paramref name="seen"/> comes from <see cref="Seen"/> for the same entries.
        /// </summary>
        /// <param name="contextName">When set, the context reads "{context} '{contextName}'"; built only if a key is reported.</param>
        private bool Accept<T>(YamlEntries entries, int i, What context, string? contextName, PlanKey<T>[]? allowed, Dictionary<string, YamlScalar>? seen, out PlanKey<T>? declared)
        {
            YamlScalar key = entries[i].Key;
            declared = null;
            if (allowed != null && (declared = Find(allowed, key.Value)) is null)
            {
                Report(RipeDiagnostics.UnknownKey, key.Span, key.Value, contextName is null ? context.ToString() : context.ToString() + " '" + contextName + "'", string.Join(", ", PlanKeys.Names(allowed)));
                return false;
            }

            YamlScalar? first = null;
            if (seen != null)
            {
                first = seen.TryGetValue(key.Value, out var earlier) ? earlier : null;
            }
            else
            {
                for (int j = 0; j < i; j++)
                {
                    if (string.Equals(entries[j].Key.Value, key.Value, StringComparison.Ordinal))
                    {
                        first = entries[j].Key;
                        break;
                    }
                }
            }

            if (first != null)
            {
                Report(RipeDiagnostics.Duplicate, key.Span, "Key", key.Value, first.Value.Span.DisplayLine.ToString(CultureInfo.InvariantCulture));
                return false;
            }

            seen?.Add(key.Value, key);
            return true;
        }

        /// <summary>A mapping's entries that are read (see <see cref="Accept"/>), every unknown or repeated key reported first.</summary>
        private List<(YamlScalar Key, YamlNode Value, PlanKey<T> Declared)> Accepted<T>(YamlMapping mapping, string context, string? contextName, PlanKey<T>[] allowed)
        {
            var entries = mapping.Entries;
            var accepted = new List<(YamlScalar Key, YamlNode Value, PlanKey<T> Declared)>(entries.Count);
            var seen = Seen(entries);
            for (int i = 0; i < entries.Count; i++)
            {
                if (Accept(entries, i, context, contextName, allowed, seen, out var declared))
                {
                    accepted.Add((entries[i].Key, entries[i].Value, declared!));
                }
            }

            return accepted;
        }

        internal Named? ReadString(YamlNode node, What what)
        {
            if (node.IsScalar(out var scalar) && !scalar.IsNull)
            {
                return new Named(scalar.Value, scalar.Span);
            }

            ReportShape(node, what, "text");
            return null;
        }

        internal bool? ReadBool(YamlNode node, What what)
        {
            if (node.IsScalar(out var scalar) && scalar.IsPlain && TryParseBool(scalar.Value, out bool value))
            {
                return value;
            }

            ReportShape(node, what, "true or false");
            return null;
        }

        internal double? ReadNumber(YamlNode node, What what)
        {
            if (node.IsScalar(out var scalar) && scalar.IsPlain &&
                double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) &&
                !double.IsNaN(value) && !double.IsInfinity(value))
            {
                return value;
            }

            ReportShape(node, what, "a number");
            return null;
        }

        internal int? ReadLength(YamlNode node, What what)
        {
            if (node.IsScalar(out var scalar) && scalar.IsPlain &&
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

        private static string Quoted(IEnumerable<string> names)
        {
            var list = names.Select(n => "'" + n + "'").ToList();
            return list.Count < 2 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1];
        }

        private void ReportShape(YamlNode node, What what, string expected) =>
            Report(RipeDiagnostics.WrongNodeKind, node.Span, what.ToString(), expected + ", not " + Describe(node));

        private static string Describe(YamlNode node) =>
            node.IsScalar(out var scalar) ? (scalar.IsNull ? "empty" : $"'{scalar.Value}'") : node.ShapeName;

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] args) =>
            _diagnostics.Add(PlanDiagnostic.Create(descriptor, _filePath, span, args));
    }
}
