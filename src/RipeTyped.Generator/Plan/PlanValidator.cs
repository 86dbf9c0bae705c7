using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Naming;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// Semantic checks that decide whether correct code can be generated: references, constraints, exact duplicates, empty
    /// names, options. Reads the plan as written and builds a new, validated plan: what fails a check is reported and left
    /// out of it (an invalid pattern, a duplicate enum value, an empty-named property...), <c>$ref</c>s are resolved and
    /// cycles cut. The plan it reads is never edited.
    /// </summary>
    internal sealed class PlanValidator
    {
        private readonly TrackingPlan _read;
        private readonly TrackingPlan _plan;
        private readonly List<PlanDiagnostic> _diagnostics;
        private readonly Dictionary<string, PropertyDefinition> _definitions = new Dictionary<string, PropertyDefinition>(StringComparer.Ordinal);

        // Schemas of the validated plan with a $ref, resolved once every definition exists (a $ref may point forward).
        private readonly List<(PropertySchema Schema, string Owner)> _references = new List<(PropertySchema, string)>();

        // Variants of the validated plan with their condition as read, checked once every $ref is resolved (an enum's values may come from a definition).
        private readonly List<(CallDefinition Event, VariantDefinition Variant, VariantCondition When)> _conditions = new List<(CallDefinition, VariantDefinition, VariantCondition)>();

        private PlanValidator(TrackingPlan read, List<PlanDiagnostic> diagnostics)
        {
            _read = read;
            _plan = new TrackingPlan(read.FilePath, read.Options);
            _diagnostics = diagnostics;
        }

        /// <summary>The validated plan built from <paramref name="read"/>; <paramref name="read"/> stays as it was.</summary>
        public static TrackingPlan Validate(TrackingPlan read, List<PlanDiagnostic> diagnostics) => new PlanValidator(read, diagnostics).Run();

        private TrackingPlan Run()
        {
            CheckOptions(_read.Options);
            if (_read.PlanVersion is { } planVersion)
            {
                if (SemanticVersion.TryParse(planVersion.Value, out _))
                {
                    _plan.PlanVersion = planVersion;
                }
                else
                {
                    Report(RipeDiagnostics.InvalidPlanVersion, planVersion.Span, planVersion.Value);
                }
            }

            _plan.Sources.AddRange(_read.Sources);
            foreach (var definition in _read.Definitions)
            {
                var valid = new PropertyDefinition(definition.Name, definition.NameSpan, CheckSchema(definition.Schema, definition.Name));
                _plan.Definitions.Add(valid);
                _definitions[definition.Name] = valid;
            }

            _plan.Events.AddRange(CheckCalls(_read.Events, "Event"));
            _plan.Pages.AddRange(CheckCalls(_read.Pages, "Page"));
            _plan.Identify = _read.Identify is { } identify ? CheckCall(identify, "Trait") : null;
            _plan.Group = _read.Group is { } group ? CheckCall(group, "Trait") : null;
            ResolveReferences();
            ReportCircularDefinitions();
            CheckConditions();
            return _plan;
        }

        private void ResolveReferences()
        {
            foreach (var (schema, owner) in _references)
            {
                var reference = schema.Ref!;
                if (_definitions.TryGetValue(reference.Value, out var target))
                {
                    schema.ResolvedRef = target;
                }
                else
                {
                    Report(RipeDiagnostics.UnknownDefinition, reference.Span, owner, reference.Value);
                }
            }
        }

        private void CheckOptions(PlanOptions options)
        {
            if (options.Namespace is { } ns && !IdentifierNaming.IsValidNamespace(ns.Value))
            {
                Report(RipeDiagnostics.InvalidOption, ns.Span, "namespace", $"'{ns.Value}' is not a valid C# namespace");
            }
            else if (options.Namespace is { } aliased && GeneratedNames.ReservedSegment(aliased.Value) is { } segment)
            {
                Report(RipeDiagnostics.InvalidOption, aliased.Span, "namespace", $"'{aliased.Value}' has a segment '{segment}', a name the generated code uses for itself; rename that segment");
            }

            if (options.ClassName is { } cls && !IdentifierNaming.IsValidIdentifier(cls.Value))
            {
                Report(RipeDiagnostics.InvalidOption, cls.Span, "className", $"'{cls.Value}' is not a valid C# class name");
            }
            else if (options.ClassName is { } aliasedClass && !GeneratedNames.IsUsableClassName(aliasedClass.Value))
            {
                Report(RipeDiagnostics.InvalidOption, aliasedClass.Span, "className", $"'{aliasedClass.Value}' is a name the generated code uses for itself; choose another class name");
            }

            if (options.EventCase is { } eventCase && !NamingConvention.TryParse(eventCase.Value, out _))
            {
                Report(RipeDiagnostics.InvalidOption, eventCase.Span, "eventCase", $"'{eventCase.Value}' is not one of: {NamingConvention.Names}");
            }

            if (options.EventWordOrder is { } order && !WordOrder.TryParse(order.Value, out _))
            {
                Report(RipeDiagnostics.InvalidOption, order.Span, "eventWordOrder", $"'{order.Value}' is not one of: {WordOrder.Names}");
            }

            if (options.FacadeInterface is { } facadeInterface && facadeInterface.Value != "true" && facadeInterface.Value != "false")
            {
                Report(RipeDiagnostics.InvalidOption, facadeInterface.Span, "facadeInterface", $"'{facadeInterface.Value}' is not true or false");
            }

            if (options.PropertyCase is { } propertyCase && !NamingConvention.TryParse(propertyCase.Value, out _))
            {
                Report(RipeDiagnostics.InvalidOption, propertyCase.Span, "propertyCase", $"'{propertyCase.Value}' is not one of: {NamingConvention.Names}");
            }
        }

        private List<CallDefinition> CheckCalls(List<CallDefinition> calls, string what)
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

            return valid;
        }

        private CallDefinition CheckCall(CallDefinition call, string propertyWhat)
        {
            var valid = new CallDefinition(call.Name, call.NameSpan)
            {
                Description = call.Description,
                Deprecated = call.Deprecated,
                DeprecationReason = call.DeprecationReason,
                CSharpName = call.CSharpName,
                AdditionalProperties = call.AdditionalProperties,
                Owner = call.Owner,
            };
            valid.Tags.AddRange(call.Tags);
            foreach (var source in call.Sources)
            {
                if (_read.Sources.Exists(s => s.Value == source.Value))
                {
                    valid.Sources.Add(source);
                }
                else
                {
                    string known = _read.Sources.Count == 0 ? "none are listed" : string.Join(", ", _read.Sources.Select(s => s.Value));
                    Report(RipeDiagnostics.UnknownSource, source.Span, call.Name, source.Value, known);
                }
            }

            valid.Properties.AddRange(CheckProperties(call.Properties, propertyWhat));
            CheckVariants(call, valid);
            return valid;
        }

        /// <summary>
        /// Variants: a usable, unique csharpName each (else left out), own properties that do not repeat a common one (those
        /// are left out); the <c>when</c> is checked at the end (<see cref="CheckConditions"/>).
        /// </summary>
        private void CheckVariants(CallDefinition call, CallDefinition valid)
        {
            var seen = new Dictionary<string, VariantDefinition>(StringComparer.Ordinal);
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

                var checkedVariant = new VariantDefinition(name) { Description = variant.Description };
                seen.Add(name.Value, checkedVariant);
                foreach (var property in CheckProperties(variant.Properties, "Property"))
                {
                    if (call.Properties.Exists(p => p.Name == property.Name))
                    {
                        Report(RipeDiagnostics.InvalidVariant, property.NameSpan, name.Value, call.Name,
                            $"property '{property.Name}' is a common property of the event; a variant adds properties and cannot redefine one (it is left out)");
                        continue;
                    }

                    checkedVariant.Properties.Add(property);
                }

                valid.Variants.Add(checkedVariant);
                if (variant.When is { } when)
                {
                    _conditions.Add((valid, checkedVariant, when));
                }
            }
        }

        /// <summary>
        /// Each <c>when</c> names a common property of its event, of a type a value can select (enum, string, integer, number,
        /// boolean; a list of values: enum or string), with values the property allows and no other variant's. A variant whose
        /// condition fails is left out: its method would send what the plan does not mean.
        /// </summary>
        private void CheckConditions()
        {
            // (event, property, value) -> the variant it selects, to report a value two variants claim.
            var claimed = new Dictionary<(CallDefinition, string, string), VariantDefinition>();
            foreach (var (call, variant, when) in _conditions)
            {
                if (CheckCondition(call, variant, when, claimed) is { } condition)
                {
                    variant.When = condition;
                }
                else
                {
                    call.Variants.Remove(variant);
                }
            }
        }

        private VariantCondition? CheckCondition(CallDefinition call, VariantDefinition variant, VariantCondition when, Dictionary<(CallDefinition, string, string), VariantDefinition> claimed)
        {
            void Fail(SourceSpan span, string reason) => Report(RipeDiagnostics.InvalidVariant, span, variant.CSharpName.Value, call.Name, reason + "; no code is generated for the variant");

            var property = call.Properties.Find(p => p.Name == when.Property.Value);
            if (property is null)
            {
                Fail(when.Property.Span, $"'when' names '{when.Property.Value}', which is not a property of the event (a variant is selected by one of the event's own properties)");
                return null;
            }

            var type = property.Schema.TypeSource;
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
                string? problem = type.Kind switch
                {
                    PropertyKind.Enum when !type.EnumValues.Exists(v => v.Value == value.Value) =>
                        $"'{value.Value}' is not a value of enum '{property.Name}' ({string.Join(", ", type.EnumValues.Select(v => v.Value))})",
                    PropertyKind.Integer when !long.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) =>
                        $"'{value.Value}' is not an integer, the type of '{property.Name}'",
                    PropertyKind.Number when !double.TryParse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || double.IsNaN(number) || double.IsInfinity(number) =>
                        $"'{value.Value}' is not a number, the type of '{property.Name}'",
                    PropertyKind.Boolean when !bool.TryParse(value.Value, out _) || value.Value.Length != value.Value.Trim().Length =>
                        $"'{value.Value}' is not true or false, the values of boolean '{property.Name}'",
                    _ => null,
                };
                if (problem != null)
                {
                    Fail(value.Span, problem);
                    return null;
                }
            }

            foreach (var value in values)
            {
                if (claimed.TryGetValue((call, property.Name, value.Value), out var other))
                {
                    Fail(value.Span, $"the value '{value.Value}' of '{property.Name}' already selects variant '{other.CSharpName.Value}' (line {Line(other.CSharpName.Span)})");
                    return null;
                }
            }

            foreach (var value in values)
            {
                claimed[(call, property.Name, value.Value)] = variant;
            }

            var valid = new VariantCondition(when.Property, when.IsList);
            valid.Values.AddRange(values);
            return valid;
        }

        private static string Kind(PropertyKind kind) => kind switch
        {
            PropertyKind.DateTime => "a date-time",
            PropertyKind.Array => "an array",
            PropertyKind.Object => "an object",
            PropertyKind.Integer => "an integer",
            _ => "a " + kind.ToString().ToLowerInvariant(),
        };

        private List<PropertyDefinition> CheckProperties(List<PropertyDefinition> properties, string what)
        {
            var valid = new List<PropertyDefinition>(properties.Count);
            foreach (var property in properties)
            {
                if (property.Name.Trim().Length == 0)
                {
                    Report(RipeDiagnostics.EmptyName, property.NameSpan, Article(what));
                    continue;
                }

                valid.Add(new PropertyDefinition(property.Name, property.NameSpan, CheckSchema(property.Schema, property.Name)));
            }

            return valid;
        }

        private PropertySchema CheckSchema(PropertySchema schema, string owner)
        {
            var valid = new PropertySchema(schema.Span)
            {
                Kind = schema.Kind,
                TypeSpan = schema.TypeSpan,
                Description = schema.Description,
                Required = schema.Required,
                Nullable = schema.Nullable,
                Ref = schema.Ref,
                CSharpName = schema.CSharpName,
                AdditionalProperties = schema.AdditionalProperties,
                Minimum = schema.Minimum,
                Maximum = schema.Maximum,
                MinLength = schema.MinLength,
                MaxLength = schema.MaxLength,
                ConstraintSpan = schema.ConstraintSpan,
            };

            if (schema.Ref != null)
            {
                // The type comes from the definition; nothing else of this schema is checked.
                _references.Add((valid, owner));
                valid.Pattern = schema.Pattern;
                valid.EnumValues.AddRange(schema.EnumValues);
                return valid;
            }

            if (schema.Pattern is { } pattern)
            {
                try
                {
                    _ = new Regex(pattern.Value, RegexOptions.CultureInvariant);
                    valid.Pattern = pattern;
                }
                catch (ArgumentException ex)
                {
                    Report(RipeDiagnostics.InvalidConstraint, pattern.Span, "pattern", owner, ex.Message);
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
                        valid.EnumValues.Add(value);
                    }
                }
            }
            else
            {
                valid.EnumValues.AddRange(schema.EnumValues);
            }

            if (schema.Items != null)
            {
                valid.Items = CheckSchema(schema.Items, owner + "[]");
            }

            valid.Properties.AddRange(CheckProperties(schema.Properties, "Property"));
            return valid;
        }

        /// <summary>
        /// Reports every definition on a <c>$ref</c> cycle and cuts it (its type becomes unknown). Each definition is
        /// walked once: a chain of n definitions costs O(n), so a long hostile chain cannot stall the compiler.
        /// </summary>
        private void ReportCircularDefinitions()
        {
            // Absent: not reached yet; true: on the walk in progress; false: settled (ends, or its cycle is cut).
            var onWalk = new Dictionary<PropertyDefinition, bool>();
            var walk = new List<PropertyDefinition>();
            foreach (var start in _plan.Definitions)
            {
                walk.Clear();
                PropertyDefinition? current = start;
                while (current != null && !onWalk.ContainsKey(current))
                {
                    onWalk[current] = true;
                    walk.Add(current);
                    current = current.Schema.ResolvedRef;
                }

                if (current != null && onWalk[current])
                {
                    // The walk came back to itself: everything from `current` on is the cycle.
                    for (int i = walk.IndexOf(current); i < walk.Count; i++)
                    {
                        var definition = walk[i];
                        Report(RipeDiagnostics.CircularDefinition, definition.NameSpan, definition.Name);
                        definition.Schema.ResolvedRef = null;
                        definition.Schema.Kind = PropertyKind.Unknown;
                    }
                }

                foreach (var definition in walk)
                {
                    onWalk[definition] = false;
                }
            }
        }

        private static string Article(string what) =>
            ("aeiou".IndexOf(char.ToLowerInvariant(what[0])) >= 0 ? "An " : "A ") + what.ToLowerInvariant();

        private static string Line(SourceSpan span) => span.DisplayLine.ToString(CultureInfo.InvariantCulture);

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] args) =>
            _diagnostics.Add(PlanDiagnostic.Create(descriptor, _plan.FilePath, span, args));
    }
}
