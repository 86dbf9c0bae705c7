using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// A plan split across files (one per team or domain) read as one: events, pages, definitions and traits are pooled in
    /// file order; a name defined in two files, or an option (or <c>planVersion</c>) set differently, is RIPE0017 at both
    /// places and the later one is left out. Duplicates within one file stay the validator's (RIPE0007).
    /// </summary>
    internal sealed class PlanMerger
    {
        private readonly List<PlanDiagnostic> _diagnostics;
        private readonly string _filePath;

        private PlanMerger(string filePath, List<PlanDiagnostic> diagnostics)
        {
            _diagnostics = diagnostics;
            _filePath = filePath;
        }

        /// <param name="files">The files as read, in path order; the first one names the plan.</param>
        public static TrackingPlan Merge(IReadOnlyList<TrackingPlan> files, List<PlanDiagnostic> diagnostics)
        {
            if (files.Count == 1)
            {
                return files[0];
            }

            var merger = new PlanMerger(files[0].FilePath, diagnostics);
            var merged = new TrackingPlan(files[0].FilePath);
            foreach (var file in files)
            {
                merged = merger.Add(merged, file);
            }

            return merged;
        }

        private TrackingPlan Add(TrackingPlan merged, TrackingPlan file)
        {
            var options = merged.Options;
            var theirs = file.Options;
            return merged with
            {
                Options = options with
                {
                    Namespace = Pick(options.Namespace, theirs.Namespace, "Option", "namespace"),
                    ClassName = Pick(options.ClassName, theirs.ClassName, "Option", "className"),
                    EventCase = Pick(options.EventCase, theirs.EventCase, "Option", "eventCase"),
                    EventWordOrder = Pick(options.EventWordOrder, theirs.EventWordOrder, "Option", "eventWordOrder"),
                    PropertyCase = Pick(options.PropertyCase, theirs.PropertyCase, "Option", "propertyCase"),
                    FacadeInterface = Pick(options.FacadeInterface, theirs.FacadeInterface, "Option", "facadeInterface"),
                },
                PlanVersion = Pick(merged.PlanVersion, file.PlanVersion, "The plan's", "planVersion"),
                Sources = Union(merged.Sources, file.Sources),
                Definitions = AddNamed(merged.Definitions, file.Definitions, d => d.Name, d => d.NameSpan, "Definition"),
                Events = AddNamed(merged.Events, file.Events, c => c.Name, c => c.NameSpan, "Event"),
                Pages = AddNamed(merged.Pages, file.Pages, c => c.Name, c => c.NameSpan, "Page"),
                Identify = MergeTraits(merged.Identify, file.Identify, "identify"),
                Group = MergeTraits(merged.Group, file.Group, "group"),
            };
        }

        /// <summary>Each source once, by name, first mention kept (a file may repeat one too).</summary>
        private static EquatableArray<Named> Union(EquatableArray<Named> first, EquatableArray<Named> second)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return first.Concat(second).Where(s => seen.Add(s.Value)).ToEquatableArray();
        }

        private Named? Pick(Named? kept, Named? other, string what, string name)
        {
            if (other is null)
            {
                return kept;
            }

            if (kept is null)
            {
                return other;
            }

            if (kept.Value != other.Value)
            {
                ReportBoth(what, name, kept.Span, other.Span);
            }

            return kept;
        }

        private EquatableArray<T> AddNamed<T>(EquatableArray<T> into, EquatableArray<T> from, Func<T, string> name, Func<T, SourceSpan> span, string what)
            where T : IEquatable<T>
        {
            // Names from earlier files only: a duplicate inside this file is the validator's to report (RIPE0007).
            var earlier = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in into)
            {
                earlier[name(item)] = item;
            }

            var added = new List<T>(into);
            foreach (var item in from)
            {
                if (earlier.TryGetValue(name(item), out var first))
                {
                    ReportBoth(what, name(item), span(first), span(item));
                    continue;
                }

                added.Add(item);
            }

            return added.ToEquatableArray();
        }

        /// <summary>Traits defined in several files: one set, the first file's wherever both say something of their own.</summary>
        private CallDefinition? MergeTraits(CallDefinition? kept, CallDefinition? other, string section)
        {
            if (other is null)
            {
                return kept;
            }

            if (kept is null)
            {
                return other;
            }

            return kept with
            {
                Description = kept.Description ?? other.Description,
                AdditionalProperties = kept.AdditionalProperties || other.AdditionalProperties,
                Owner = kept.Owner ?? other.Owner,
                Sources = Union(kept.Sources, other.Sources),
                Properties = AddNamed(kept.Properties, other.Properties, p => p.Name, p => p.NameSpan, $"Trait of '{section}'"),
            };
        }

        private void ReportBoth(string what, string name, SourceSpan first, SourceSpan second)
        {
            _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.ConflictAcrossFiles, _filePath, first, what, name, FileName(second), Line(second)));
            _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.ConflictAcrossFiles, _filePath, second, what, name, FileName(first), Line(first)));
        }

        private static string FileName(SourceSpan span) => System.IO.Path.GetFileName(span.File ?? "");

        private static string Line(SourceSpan span) => span.DisplayLine.ToString(CultureInfo.InvariantCulture);
    }
}
