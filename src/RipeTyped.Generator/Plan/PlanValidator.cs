using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Naming;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// Semantic checks that decide whether correct code can be generated: options, references, constraints, exact
    /// duplicates, empty names, variants. Derives the <see cref="ValidatedPlan"/> from the plan as read with <c>with</c>:
    /// what fails a check is reported and left out (an invalid pattern, a duplicate enum value, an empty-named property...),
    /// everything else flows through as read, including fields this class never names.
    /// </summary>
    internal sealed class PlanValidator
    {
        private readonly TrackingPlan _read;
        private readonly List<PlanDiagnostic> _diagnostics;

        // The validated definitions by name, and where each one's $ref chain ends (a definition on a cycle ends at itself).
        private readonly Dictionary<string, PropertyDefinition> _definitions = new Dictionary<string, PropertyDefinition>(StringComparer.Ordinal);
        private readonly Dictionary<string, PropertyDefinition> _chainEnds = new Dictionary<string, PropertyDefinition>(StringComparer.Ordinal);

        private PlanValidator(TrackingPlan read, List<PlanDiagnostic> diagnostics)
        {
            _read = read;
            _diagnostics = diagnostics;
            _definitionNames = new HashSet<string>(read.Definitions.Select(d => d.Name), StringComparer.Ordinal);
        }

        // A $ref is checked against the names as read: definitions may refer forward, and a lookup must not cost O(n).
        private readonly HashSet<string> _definitionNames;

        /// <summary>The validated plan derived from <paramref name="read"/>, which stays as it was.</summary>
        public static ValidatedPlan Validate(TrackingPlan read, List<PlanDiagnostic> diagnostics) => new PlanValidator(read, diagnostics).Run();

        private ValidatedPlan Run()
        {
            var settings = CheckOptions(_read.Options);
            Named? planVersion = _read.PlanVersion;
            if (planVersion != null && !SemanticVersion.TryParse(planVersion.Value, out _))
            {
                Report(RipeDiagnostics.InvalidPlanVersion, planVersion.Span, planVersion.Value);
                planVersion = null;
            }

            var definitions = _read.Definitions.Select(d => d with { Schema = CheckSchema(d.Schema, d.Name) }).ToList();
            foreach (var definition in definitions)
            {
                _definitions[definition.Name] = definition;
            }

            definitions = CheckDefinitionExamples(CutCycles(definitions));
            var content = _read with
            {
                PlanVersion = planVersion,
                Definitions = definitions.ToEquatableArray(),
                Events = CheckCalls(_read.Events, "Event"),
                Pages = CheckCalls(_read.Pages, "Page"),
                Identify = _read.Identify is { } identify ? CheckCall(identify, "Trait") : null,
                Group = _read.Group is { } group ? CheckCall(group, "Trait") : null,
            };
            return new ValidatedPlan(content, settings, _definitions, _chainEnds);
        }

        /// <summary>The options parsed; an invalid value is reported at its line and the default takes its place.</summary>
        private PlanSettings CheckOptions(PlanOptions options)
        {
            var settings = PlanSettings.Default;
            if (options.Namespace is { } ns)
            {
                if (!IdentifierNaming.IsValidNamespace(ns.Value))
                {
                    Report(RipeDiagnostics.InvalidOption, ns.Span, "namespace", $"'{ns.Value}' is not a valid C# namespace");
                }
                else if (GeneratedNames.ReservedSegment(ns.Value) is { } segment)
                {
                    Report(RipeDiagnostics.InvalidOption, ns.Span, "namespace", $"'{ns.Value}' has a segment '{segment}', a name the generated code uses for itself; rename that segment");
                }
                else
                {
                    settings = settings with { Namespace = ns.Value };
                }
            }

            if (options.ClassName is { } cls)
            {
                if (!IdentifierNaming.IsValidIdentifier(cls.Value))
                {
                    Report(RipeDiagnostics.InvalidOption, cls.Span, "className", $"'{cls.Value}' is not a valid C# class name");
                }
                else if (!GeneratedNames.IsUsableClassName(cls.Value))
                {
                    Report(RipeDiagnostics.InvalidOption, cls.Span, "className", $"'{cls.Value}' is a name the generated code uses for itself; choose another class name");
                }
                else
                {
                    settings = settings with { ClassName = cls.Value };
                }
            }

            settings = settings with { EventCase = CaseOption(options.EventCase, "eventCase", settings.EventCase) };

            if (options.EventWordOrder is { } order)
            {
                if (WordOrder.TryParse(order.Value, out var wordOrder))
                {
                    settings = settings with { EventWordOrder = wordOrder };
                }
                else
                {
                    Report(RipeDiagnostics.InvalidOption, order.Span, "eventWordOrder", $"'{order.Value}' is not one of: {WordOrder.Names}");
                }
            }

            if (options.FacadeInterface is { } facadeInterface)
            {
                if (facadeInterface.Value == "true" || facadeInterface.Value == "false")
                {
                    settings = settings with { FacadeInterface = facadeInterface.Value == "true" };
                }
                else
                {
                    Report(RipeDiagnostics.InvalidOption, facadeInterface.Span, "facadeInterface", $"'{facadeInterface.Value}' is not true or false");
                }
            }

            settings = settings with { PropertyCase = CaseOption(options.PropertyCase, "propertyCase", settings.PropertyCase) };

            return settings;
        }

        private CaseStyle CaseOption(Named? option, string name, CaseStyle fallback)
        {
            if (option is null)
            {
                return fallback;
            }

            if (NamingConvention.TryParse(option.Value, out var style))
            {
                return style;
            }

            Report(RipeDiagnostics.InvalidOption, option.Span, name, $"'{option.Value}' is not one of: {NamingConvention.Names}");
            return fallback;
        }

        /// <summary>
        /// Finds where each definition's <c>$ref</c> chain ends and reports every definition on a cycle, whose type becomes
        /// unknown. Each definition is walked once: a chain of n definitions costs O(n), so a hostile chain cannot stall the
        /// compiler. A chain that reaches an unknown name ends at the definition that names it.
        /// </summary>
        private List<PropertyDefinition> CutCycles(List<PropertyDefinition> definitions)
        {
            var onWalk = new HashSet<string>(StringComparer.Ordinal);
            var walk = new List<PropertyDefinition>();
            var cut = new HashSet<string>(StringComparer.Ordinal);
            foreach (var start in definitions)
            {
                walk.Clear();
                onWalk.Clear();
                PropertyDefinition current = start;
                PropertyDefinition? end = null;
                while (true)
                {
                    if (_chainEnds.TryGetValue(current.Name, out var known))
                    {
                        end = known;
                        break;
                    }

                    if (!onWalk.Add(current.Name))
                    {
                        // The walk came back to itself: everything from `current` on is the cycle; each member ends at itself.
                        for (int i = walk.FindIndex(d => d.Name == current.Name); i < walk.Count; i++)
                        {
                            var member = walk[i];
                            Report(RipeDiagnostics.CircularDefinition, member.NameSpan, member.Name);
                            cut.Add(member.Name);
                            var unknown = member with { Schema = member.Schema with { Kind = PropertyKind.Unknown } };
                            _definitions[member.Name] = unknown;
                            _chainEnds[member.Name] = unknown;
                        }

                        end = _chainEnds[current.Name];
                        break;
                    }

                    walk.Add(current);
                    if (current.Schema.Ref is { } reference && _definitions.TryGetValue(reference.Value, out var next))
                    {
                        current = next;
                        continue;
                    }

                    end = current;
                    break;
                }

                foreach (var definition in walk)
                {
                    _chainEnds[definition.Name] = cut.Contains(definition.Name) ? _definitions[definition.Name] : end;
                }
            }

            return definitions.Select(d => _definitions[d.Name]).ToList();
        }

        /// <summary>
        /// The examples of <c>$ref</c> uses inside definitions, checked once every chain's end is known (while definitions
        /// are checked, the type a <c>$ref</c> ends at may not be known yet); the lookups then hold the checked definitions.
        /// </summary>
        private List<PropertyDefinition> CheckDefinitionExamples(List<PropertyDefinition> definitions)
        {
            PropertySchema Check(PropertySchema schema, string owner)
            {
                if (schema.Ref != null)
                {
                    return schema.Examples.IsEmpty ? schema : schema with { Examples = CheckExamples(TypeSource(schema), schema.Examples, owner) };
                }

                return schema.Items is null && schema.Properties.IsEmpty ? schema : schema with
                {
                    Items = schema.Items is { } items ? Check(items, owner + "[]") : null,
                    Properties = schema.Properties.Select(p => p with { Schema = Check(p.Schema, p.Name) }).ToEquatableArray(),
                };
            }

            var checkedDefinitions = definitions.Select(d => d with { Schema = Check(d.Schema, d.Name) }).ToList();
            foreach (var definition in checkedDefinitions)
            {
                _definitions[definition.Name] = definition;
            }

            foreach (var name in _chainEnds.Keys.ToList())
            {
                _chainEnds[name] = _definitions[_chainEnds[name].Name];
            }

            return checkedDefinitions;
        }

        private PropertySchema TypeSource(PropertySchema schema) =>
            schema.Ref is { } reference && _chainEnds.TryGetValue(reference.Value, out var end) ? end.Schema : schema;

        private EquatableArray<CallDefinition> CheckCalls(EquatableArray<CallDefinition> calls, string what)
        {
            var seen = new Dictionary<string, CallDefinition>(StringComparer.Ordinal);
            var valid = new List<CallDefinition>(calls.Count);
            foreach (var call in calls)
            {
                if (call.Name.Trim().Length == 0)
                {
                    Report(RipeDiagnostics.EmptyName, call.NameSpan, Article(what));
                    continue;
                }

                if (seen.TryGetValue(call.Name, out var first))
                {
                    Report(RipeDiagnostics.Duplicate, call.NameSpan, what, call.Name, Line(first.NameSpan));
                    continue;
                }

                seen.Add(call.Name, call);
                valid.Add(CheckCall(call, "Property"));
            }

            return valid.ToEquatableArray();
        }

        private CallDefinition CheckCall(CallDefinition call, string propertyWhat)
        {
            var sources = new List<Named>(call.Sources.Count);
            foreach (var source in call.Sources)
            {
                if (_read.Sources.Any(s => s.Value == source.Value))
                {
                    sources.Add(source);
                }
                else
                {
                    string known = _read.Sources.IsEmpty ? "none are listed" : string.Join(", ", _read.Sources.Select(s => s.Value));
                    Report(RipeDiagnostics.UnknownSource, source.Span, call.Name, source.Value, known);
                }
            }

            var valid = call with { Sources = sources.ToEquatableArray(), Properties = CheckProperties(call.Properties, propertyWhat) };
            return valid with { Variants = CheckVariants(valid) };
        }

        /// <summary>
        /// Variants: a usable, unique csharpName each, own properties that do not repeat a common one (those are left out),
        /// and a <c>when</c> that names a common property and values it allows that no other variant claims. A variant that
        /// fails is left out: its method would send what the plan does not mean.
        /// </summary>
        private EquatableArray<VariantDefinition> CheckVariants(CallDefinition call)
        {
            var seen = new Dictionary<string, VariantDefinition>(StringComparer.Ordinal);
            var claimed = new Dictionary<(string Property, string Value), VariantDefinition>();
            var valid = new List<VariantDefinition>(call.Variants.Count);
            foreach (var variant in call.Variants)
            {
                Named name = variant.CSharpName;
                if (!IdentifierNaming.IsValidIdentifier(name.Value) || name.Value.StartsWith("@", StringComparison.Ordinal))
                {
                    Report(RipeDiagnostics.InvalidVariant, name.Span, name.Value, call.Name,
                        $"csharpName must be a C# identifier (it is appended to the event's C# name: Track{{Event}}{{csharpName}}); no code is generated for the variant");
                    continue;
                }

                if (seen.TryGetValue(name.Value, out var first))
                {
                    Report(RipeDiagnostics.Duplicate, name.Span, $"Variant of event '{call.Name}'", name.Value, Line(first.CSharpName.Span));
                    continue;
                }

                seen.Add(name.Value, variant);
                var own = new List<PropertyDefinition>();
                foreach (var property in CheckProperties(variant.Properties, "Property"))
                {
                    if (call.Properties.Any(p => p.Name == property.Name))
                    {
                        Report(RipeDiagnostics.InvalidVariant, property.NameSpan, name.Value, call.Name,
                            $"property '{property.Name}' is a common property of the event; a variant adds properties and cannot redefine one (it is left out)");
                        continue;
                    }

                    own.Add(property);
                }

                var checkedVariant = variant with { Properties = own.ToEquatableArray() };
                if (variant.When is { } when)
                {
                    if (!(CheckCondition(call, checkedVariant, when, claimed) is { } condition))
                    {
                        continue;
                    }

                    checkedVariant = checkedVariant with { When = condition };
                }

                valid.Add(checkedVariant);
            }

            return valid.ToEquatableArray();
        }

        /// <summary>
        /// A <c>when</c> names a common property of its event, of a type a value can select (enum, string, integer, number,
        /// boolean; a list of values: enum or string), with values the property allows and no other variant's.
        /// </summary>
        private VariantCondition? CheckCondition(CallDefinition call, VariantDefinition variant, VariantCondition when, Dictionary<(string, string), VariantDefinition> claimed)
        {
            void Fail(SourceSpan span, string reason) => Report(RipeDiagnostics.InvalidVariant, span, variant.CSharpName.Value, call.Name, reason + "; no code is generated for the variant");

            var property = call.Properties.FirstOrDefault(p => p.Name == when.Property.Value);
            if (property is null)
            {
                Fail(when.Property.Span, $"'when' names '{when.Property.Value}', which is not a property of the event (a variant is selected by one of the event's own properties)");
                return null;
            }

            var type = TypeSource(property.Schema);
            var values = new List<Named>();
            foreach (var value in when.Values)
            {
                if (!values.Exists(v => v.Value == value.Value))
                {
                    values.Add(value);
                }
            }

            switch (type.Kind)
            {
                case PropertyKind.Unknown:
                    return null; // Its type is already reported.
                case PropertyKind.Enum:
                case PropertyKind.String:
                    break;
                case PropertyKind.Integer:
                case PropertyKind.Number:
                case PropertyKind.Boolean:
                    if (values.Count > 1)
                    {
                        Fail(values[1].Span, $"'{property.Name}' is {Kind(type.Kind)}: it selects a variant by one value (a list of values needs an enum or a string, whose values become the variant's own enum)");
                        return null;
                    }

                    break;
                default:
                    Fail(when.Property.Span, $"'{property.Name}' is {Kind(type.Kind)}; 'when' needs an enum, string, integer, number or boolean property");
                    return null;
            }

            foreach (var value in values)
            {
                if (ValueProblem(type, property.Name, value.Value) is { } problem)
                {
                    Fail(value.Span, problem);
                    return null;
                }
            }

            foreach (var value in values)
            {
                if (claimed.TryGetValue((property.Name, value.Value), out var other))
                {
                    Fail(value.Span, $"the value '{value.Value}' of '{property.Name}' already selects variant '{other.CSharpName.Value}' (line {Line(other.CSharpName.Span)})");
                    return null;
                }
            }

            foreach (var value in values)
            {
                claimed[(property.Name, value.Value)] = variant;
            }

            return when with { Values = values.ToEquatableArray() };
        }

        /// <summary>Why a value written in the plan (a <c>when</c> value, an example) is not one of the type's values; null when it is.</summary>
        private static string? ValueProblem(PropertySchema type, string name, string value) => type.Kind switch
        {
            PropertyKind.Enum when !type.EnumValues.Any(v => v.Value == value) =>
                $"'{value}' is not a value of enum '{name}' ({string.Join(", ", type.EnumValues.Select(v => v.Value))})",
            PropertyKind.Integer when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) =>
                $"'{value}' is not an integer, the type of '{name}'",
            PropertyKind.Number when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || double.IsNaN(number) || double.IsInfinity(number) =>
                $"'{value}' is not a number, the type of '{name}'",
            PropertyKind.Boolean when !bool.TryParse(value, out _) || value.Length != value.Trim().Length =>
                $"'{value}' is not true or false, the values of boolean '{name}'",
            PropertyKind.DateTime when !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                $"'{value}' is not a date-time (ISO 8601, e.g. 2026-12-05T09:30:00Z), the type of '{name}'",
            _ => null,
        };

        private static string Kind(PropertyKind kind) => kind switch
        {
            PropertyKind.DateTime => "a date-time",
            PropertyKind.Array => "an array",
            PropertyKind.Object => "an object",
            PropertyKind.Integer => "an integer",
            _ => "a " + kind.ToString().ToLowerInvariant(),
        };

        private EquatableArray<PropertyDefinition> CheckProperties(EquatableArray<PropertyDefinition> properties, string what)
        {
            var valid = new List<PropertyDefinition>(properties.Count);
            bool changed = false;
            foreach (var property in properties)
            {
                if (property.Name.Trim().Length == 0)
                {
                    Report(RipeDiagnostics.EmptyName, property.NameSpan, Article(what));
                    changed = true;
                    continue;
                }

                var schema = CheckSchema(property.Schema, property.Name);
                changed |= !ReferenceEquals(schema, property.Schema);
                valid.Add(ReferenceEquals(schema, property.Schema) ? property : property with { Schema = schema });
            }

            // A valid plan's properties come through as they were read: no copy of what nothing changed.
            return changed ? valid.ToEquatableArray() : properties;
        }

        private PropertySchema CheckSchema(PropertySchema schema, string owner)
        {
            if (schema.Ref is { } reference)
            {
                // The type comes from the definition; nothing else of this schema is checked.
                // Type keys next to $ref are reported by the reader and left out here, unchecked as they are.
                bool typeKeys = schema.Items != null || !schema.Properties.IsEmpty || !schema.EnumValues.IsEmpty || schema.Pattern != null
                    || schema.Minimum.HasValue || schema.Maximum.HasValue || schema.MinLength.HasValue || schema.MaxLength.HasValue || schema.AdditionalProperties;
                schema = !typeKeys ? schema : schema with
                {
                    Items = null,
                    Properties = EquatableArray<PropertyDefinition>.Empty,
                    EnumValues = EquatableArray<Named>.Empty,
                    Pattern = null,
                    Minimum = null,
                    Maximum = null,
                    MinLength = null,
                    MaxLength = null,
                    AdditionalProperties = false,
                };
                if (!_definitionNames.Contains(reference.Value))
                {
                    Report(RipeDiagnostics.UnknownDefinition, reference.Span, owner, reference.Value);
                    return schema;
                }

                // Once every chain's end is known (calls are checked after definitions), a use's own examples are checked
                // against the type it refers to; inside definitions they are shown as written.
                return _chainEnds.Count > 0 && !schema.Examples.IsEmpty
                    ? schema with { Examples = CheckExamples(TypeSource(schema), schema.Examples, owner) }
                    : schema;
            }

            // The checks below copy the schema only where they drop something: a valid schema comes through as it was read.
            var valid = schema;
            if (schema.Pattern is { } pattern)
            {
                try
                {
                    _ = new Regex(pattern.Value, RegexOptions.CultureInvariant);
                }
                catch (ArgumentException ex)
                {
                    Report(RipeDiagnostics.InvalidConstraint, pattern.Span, "pattern", owner, ex.Message);
                    valid = valid with { Pattern = null };
                }
            }

            if (schema.Minimum > schema.Maximum)
            {
                Report(RipeDiagnostics.InvalidConstraint, schema.ConstraintSpan, "minimum", owner, "minimum is greater than maximum");
            }

            if (schema.MinLength > schema.MaxLength)
            {
                Report(RipeDiagnostics.InvalidConstraint, schema.ConstraintSpan, "minLength", owner, "minLength is greater than maxLength");
            }

            if (schema.Kind == PropertyKind.Enum)
            {
                var values = new Dictionary<string, Named>(StringComparer.Ordinal);
                var kept = new List<Named>(schema.EnumValues.Count);
                foreach (var value in schema.EnumValues)
                {
                    if (value.Value.Trim().Length == 0)
                    {
                        Report(RipeDiagnostics.EmptyName, value.Span, $"A value of enum '{owner}'");
                    }
                    else if (values.TryGetValue(value.Value, out var first))
                    {
                        Report(RipeDiagnostics.Duplicate, value.Span, "Enum value", value.Value, Line(first.Span));
                    }
                    else
                    {
                        values.Add(value.Value, value);
                        kept.Add(value);
                    }
                }

                if (kept.Count != schema.EnumValues.Count)
                {
                    valid = valid with { EnumValues = kept.ToEquatableArray() };
                }
            }

            var examples = CheckExamples(valid, valid.Examples, owner);
            var items = schema.Items is null ? null : CheckSchema(schema.Items, owner + "[]");
            var properties = CheckProperties(schema.Properties, "Property");
            return examples == valid.Examples && ReferenceEquals(items, valid.Items) && properties.Items == valid.Properties.Items
                ? valid
                : valid with { Examples = examples, Items = items, Properties = properties };
        }

        /// <summary>The examples a value of <paramref name="type"/> can be; the rest are reported and left out.</summary>
        private EquatableArray<Named> CheckExamples(PropertySchema type, EquatableArray<Named> examples, string owner)
        {
            if (examples.IsEmpty || type.Kind == PropertyKind.Unknown)
            {
                return examples;
            }

            if (type.Kind == PropertyKind.Object || type.Kind == PropertyKind.Array)
            {
                Report(RipeDiagnostics.InvalidConstraint, examples[0].Span, "examples", owner, $"examples are single values (text, numbers, true or false, date-times, enum values); describe {Kind(type.Kind)} in 'description' (they are left out)");
                return EquatableArray<Named>.Empty;
            }

            var kept = new List<Named>(examples.Count);
            foreach (var example in examples)
            {
                if (ValueProblem(type, owner, example.Value) is { } problem)
                {
                    Report(RipeDiagnostics.InvalidConstraint, example.Span, "examples", owner, problem + " (the example is left out)");
                }
                else
                {
                    kept.Add(example);
                }
            }

            return kept.Count == examples.Count ? examples : kept.ToEquatableArray();
        }

        private static string Article(string what) =>
            ("aeiou".IndexOf(char.ToLowerInvariant(what[0])) >= 0 ? "An " : "A ") + what.ToLowerInvariant();

        private static string Line(SourceSpan span) => span.DisplayLine.ToString(CultureInfo.InvariantCulture);

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] args) =>
            _diagnostics.Add(PlanDiagnostic.Create(descriptor, _read.FilePath, span, args));
    }
}
