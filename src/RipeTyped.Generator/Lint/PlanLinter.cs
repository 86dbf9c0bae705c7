using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Naming;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Generator.Lint
{
    /// <summary>
    /// Naming and hygiene rules (RIPE1xxx) over a loaded plan. They never change what is generated, so they are
    /// reported by the analyzer, where a .globalconfig can configure them.
    /// </summary>
    internal sealed class PlanLinter
    {
        public const int MaxEventNameLength = 64;
        public const int MaxPropertyNameLength = 40;

        private static readonly string[] Reserved = { "userId", "anonymousId", "messageId", "timestamp", "context", "event", "groupId" };

        /// <summary>Reserved names by their normalized form, computed once (every property of a plan is checked).</summary>
        private static readonly Dictionary<string, string> ReservedByNormalized = Reserved.ToDictionary(EventNameShape.Normalize, r => r, StringComparer.Ordinal);

        private readonly ValidatedPlan _plan;
        private readonly List<PlanDiagnostic> _diagnostics;
        private readonly CaseStyle _eventCase;
        private readonly CaseStyle _propertyCase;
        private readonly WordOrderStyle _wordOrder;

        // A plan repeats its property names (every event has a "source_page"): each name's checks are computed once per run.
        private readonly Dictionary<string, bool> _propertyCaseConforms = new Dictionary<string, bool>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _normalized = new Dictionary<string, string>(StringComparer.Ordinal);

        private PlanLinter(ValidatedPlan plan, List<PlanDiagnostic> diagnostics)
        {
            _plan = plan;
            _diagnostics = diagnostics;
            _eventCase = plan.Settings.EventCase;
            _propertyCase = plan.Settings.PropertyCase;
            _wordOrder = plan.Settings.EventWordOrder;
        }

        public static void Lint(ValidatedPlan plan, List<PlanDiagnostic> diagnostics) => new PlanLinter(plan, diagnostics).Run();

        /// <summary>The event casing the plan asks for (used by the C# rules to propose names).</summary>
        public static CaseStyle EventCaseOf(ValidatedPlan plan) => plan.Settings.EventCase;

        private void Run()
        {
            foreach (var call in _plan.Events)
            {
                CheckEvent(call);
            }

            ReportNearDuplicates(_plan.Events, "Event", "events");
            ReportNearDuplicates(_plan.Pages, "Page", "pages");
            foreach (var call in _plan.Events.Concat(_plan.Pages))
            {
                CheckProperties(call.Properties, topLevel: true);
                foreach (var variant in call.Variants)
                {
                    CheckProperties(variant.Properties, topLevel: true);
                }
            }

            CheckProperties(_plan.Identify?.Properties ?? EquatableArray<PropertyDefinition>.Empty, topLevel: true);
            CheckProperties(_plan.Group?.Properties ?? EquatableArray<PropertyDefinition>.Empty, topLevel: true);
            ReportUnusedDefinitions();
        }

        private void CheckEvent(CallDefinition call)
        {
            string name = call.Name;
            // Lazy: only the properties of events that end in a generic noun are looked at.
            var discriminators = call.Properties.Select(p => (p.Name, (IReadOnlyList<string>)_plan.TypeSource(p.Schema).EnumValues.Select(v => v.Value).ToList()));
            if (EventNameShape.Check(name, discriminators, _eventCase) is { } problem)
            {
                Report(RipeDiagnostics.NonFlattenedEvent, call.NameSpan, name, problem.Reason, problem.Proposals);
            }

            if (ConventionProblem(name) is { } convention)
            {
                Report(RipeDiagnostics.EventNameConvention, call.NameSpan, name, convention.Rule, convention.Detail);
            }

            if (name.Length > MaxEventNameLength)
            {
                Report(RipeDiagnostics.NameTooLong, call.NameSpan, "Event", name, Num(name.Length), Num(MaxEventNameLength));
            }

            if (string.IsNullOrWhiteSpace(call.Description))
            {
                Report(RipeDiagnostics.MissingDescription, call.NameSpan, name);
            }
        }

        /// <summary>Casing and word order together, so the proposed name fixes both at once.</summary>
        private (string Rule, string Detail)? ConventionProblem(string name)
        {
            bool casingOk = NamingConvention.Conforms(name, _eventCase);
            var words = NamingConvention.SplitWords(name);
            if (words.Count == 0)
            {
                return null;
            }

            bool verbFirst = WordOrder.IsPastTense(words[0]);
            bool verbLast = WordOrder.IsPastTense(words[words.Count - 1]);
            bool orderOk = _wordOrder == WordOrderStyle.Any
                || (_wordOrder == WordOrderStyle.VerbObject && verbFirst)
                || (_wordOrder == WordOrderStyle.ObjectVerb && verbLast);
            if (casingOk && orderOk)
            {
                return null;
            }

            string rule = NamingConvention.Describe(_eventCase) + _wordOrder switch
            {
                WordOrderStyle.VerbObject => ", past-tense verb first",
                WordOrderStyle.ObjectVerb => ", past-tense verb last",
                _ => "",
            };

            if (!orderOk && words.Count > 1)
            {
                // Move the verb when it stands at the other end; otherwise there is no verb to move.
                if (_wordOrder == WordOrderStyle.VerbObject && verbLast)
                {
                    words.Insert(0, words[words.Count - 1]);
                    words.RemoveAt(words.Count - 1);
                }
                else if (_wordOrder == WordOrderStyle.ObjectVerb && verbFirst)
                {
                    words.Add(words[0]);
                    words.RemoveAt(0);
                }
                else
                {
                    string example = _wordOrder == WordOrderStyle.VerbObject ? "Clicked Book a Demo Button" : "Book a Demo Button Clicked";
                    return (rule, $"it has no past-tense verb {(_wordOrder == WordOrderStyle.VerbObject ? "first" : "last")}; name the action as in '{example}'");
                }
            }

            return (rule, $"expected '{NamingConvention.Apply(string.Join(" ", words), _eventCase)}'");
        }

        private void CheckProperties(EquatableArray<PropertyDefinition> properties, bool topLevel)
        {
            foreach (var property in properties)
            {
                string name = property.Name;
                if (!_propertyCaseConforms.TryGetValue(name, out bool conforms))
                {
                    conforms = NamingConvention.Conforms(name, _propertyCase);
                    _propertyCaseConforms.Add(name, conforms);
                }

                if (!conforms)
                {
                    Report(RipeDiagnostics.PropertyNameConvention, property.NameSpan, name, NamingConvention.Describe(_propertyCase), NamingConvention.Apply(name, _propertyCase));
                }

                if (name.Length > MaxPropertyNameLength)
                {
                    Report(RipeDiagnostics.NameTooLong, property.NameSpan, "Property", name, Num(name.Length), Num(MaxPropertyNameLength));
                }

                if (topLevel && ReservedByNormalized.TryGetValue(Normalize(name), out string? reserved))
                {
                    Report(RipeDiagnostics.ReservedPropertyName, property.NameSpan, name, reserved);
                }

                CheckProperties(property.Schema.Ref is null ? property.Schema.Properties : EquatableArray<PropertyDefinition>.Empty, topLevel: false);
            }

            ReportNearDuplicates(properties, p => p.Name, p => p.NameSpan, "Property", "properties");
        }

        private void ReportNearDuplicates(EquatableArray<CallDefinition> calls, string what, string plural) =>
            ReportNearDuplicates(calls, c => c.Name, c => c.NameSpan, what, plural);

        private void ReportNearDuplicates<T>(IEnumerable<T> items, Func<T, string> name, Func<T, SourceSpan> span, string what, string plural)
        {
            var seen = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                string key = Normalize(name(item));
                if (key.Length == 0)
                {
                    continue;
                }

                if (!seen.TryGetValue(key, out var first))
                {
                    seen.Add(key, item);
                    continue;
                }

                // Same C# identifier too: RIPE1010 reports the pair unless csharpName already settles it.
                if (IdentifierNaming.ToPascalCase(name(item)) != IdentifierNaming.ToPascalCase(name(first)))
                {
                    Report(RipeDiagnostics.NearDuplicateName, span(item), what, name(item), name(first), Num(span(first).DisplayLine), plural);
                }
            }
        }

        private void ReportUnusedDefinitions()
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            void Visit(PropertySchema? schema)
            {
                if (schema is null)
                {
                    return;
                }

                if (schema.Ref != null)
                {
                    used.Add(schema.Ref.Value);
                }

                Visit(schema.Items);
                foreach (var nested in schema.Properties)
                {
                    Visit(nested.Schema);
                }
            }

            foreach (var property in AllCalls().SelectMany(c => c.Properties.Concat(c.Variants.SelectMany(v => v.Properties))).Concat(_plan.Definitions))
            {
                Visit(property.Schema);
            }

            foreach (var definition in _plan.Definitions.Where(d => !used.Contains(d.Name)))
            {
                Report(RipeDiagnostics.UnusedDefinition, definition.NameSpan, definition.Name);
            }
        }

        private IEnumerable<CallDefinition> AllCalls()
        {
            foreach (var call in _plan.Events.Concat(_plan.Pages))
            {
                yield return call;
            }

            if (_plan.Identify != null)
            {
                yield return _plan.Identify;
            }

            if (_plan.Group != null)
            {
                yield return _plan.Group;
            }
        }

        private string Normalize(string name)
        {
            if (!_normalized.TryGetValue(name, out string? normalized))
            {
                normalized = EventNameShape.Normalize(name);
                _normalized.Add(name, normalized);
            }

            return normalized;
        }

        private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] args) =>
            _diagnostics.Add(PlanDiagnostic.Create(descriptor, _plan.FilePath, span, args));
    }
}
