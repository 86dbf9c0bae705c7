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
    /// Semantic checks that decide whether correct code can be generated: references, constraints, exact
    /// duplicates, empty names, options. Resolves <c>$ref</c>s on the way.
    /// </summary>
    internal sealed class PlanValidator
    {
        private readonly TrackingPlan _plan;
        private readonly List<PlanDiagnostic> _diagnostics;
        private readonly Dictionary<string, PropertyDefinition> _definitions = new Dictionary<string, PropertyDefinition>(StringComparer.Ordinal);

        private PlanValidator(TrackingPlan plan, List<PlanDiagnostic> diagnostics)
        {
            _plan = plan;
            _diagnostics = diagnostics;
        }

        public static void Validate(TrackingPlan plan, List<PlanDiagnostic> diagnostics) => new PlanValidator(plan, diagnostics).Run();

        private void Run()
        {
            CheckOptions(_plan.Options);
            foreach (var definition in _plan.Definitions)
            {
                _definitions[definition.Name] = definition;
            }

            foreach (var definition in _plan.Definitions)
            {
                CheckSchema(definition.Schema, definition.Name);
            }

            ReportCircularDefinitions();
            CheckCalls(_plan.Events, "Event");
            CheckCalls(_plan.Pages, "Page");
            CheckProperties(_plan.Identify?.Properties, "Trait");
            CheckProperties(_plan.Group?.Properties, "Trait");
        }

        private void CheckOptions(PlanOptions options)
        {
            if (options.Namespace is { } ns && !IdentifierNaming.IsValidNamespace(ns.Value))
            {
                Report(RipeDiagnostics.InvalidOption, ns.Span, "namespace", $"'{ns.Value}' is not a valid C# namespace");
            }

            if (options.ClassName is { } cls && !IdentifierNaming.IsValidIdentifier(cls.Value))
            {
                Report(RipeDiagnostics.InvalidOption, cls.Span, "className", $"'{cls.Value}' is not a valid C# class name");
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

        private void CheckCalls(List<CallDefinition> calls, string what)
        {
            var seen = new Dictionary<string, CallDefinition>(StringComparer.Ordinal);
            var unique = new List<CallDefinition>(calls.Count);
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
                unique.Add(call);
                CheckProperties(call.Properties, "Property");
            }

            // Dropped entries were reported; the rest of the pipeline only sees sound ones.
            calls.Clear();
            calls.AddRange(unique);
        }

        private void CheckProperties(List<PropertyDefinition>? properties, string what)
        {
            if (properties is null)
            {
                return;
            }

            properties.RemoveAll(p =>
            {
                if (p.Name.Trim().Length > 0)
                {
                    return false;
                }

                Report(RipeDiagnostics.EmptyName, p.NameSpan, Article(what));
                return true;
            });

            foreach (var property in properties)
            {
                CheckSchema(property.Schema, property.Name);
            }
        }

        private void CheckSchema(PropertySchema schema, string owner)
        {
            if (schema.Ref is { } reference)
            {
                if (_definitions.TryGetValue(reference.Value, out var target))
                {
                    schema.ResolvedRef = target;
                }
                else
                {
                    Report(RipeDiagnostics.UnknownDefinition, reference.Span, owner, reference.Value);
                }

                return;
            }

            if (schema.Pattern is { } pattern)
            {
                try
                {
                    _ = new Regex(pattern.Value, RegexOptions.CultureInvariant);
                }
                catch (ArgumentException ex)
                {
                    Report(RipeDiagnostics.InvalidConstraint, pattern.Span, "pattern", owner, ex.Message);
                    schema.Pattern = null;
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
                schema.EnumValues.RemoveAll(value =>
                {
                    if (value.Value.Trim().Length == 0)
                    {
                        Report(RipeDiagnostics.EmptyName, value.Span, $"A value of enum '{owner}'");
                        return true;
                    }

                    if (values.TryGetValue(value.Value, out var first))
                    {
                        Report(RipeDiagnostics.Duplicate, value.Span, "Enum value", value.Value, Line(first.Span));
                        return true;
                    }

                    values.Add(value.Value, value);
                    return false;
                });
            }

            if (schema.Items != null)
            {
                CheckSchema(schema.Items, owner + "[]");
            }

            CheckProperties(schema.Properties, "Property");
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
